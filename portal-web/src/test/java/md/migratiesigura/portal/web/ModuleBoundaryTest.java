package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, kept by a test: two modules with one direction (core knows no Wicket, web knows no
 * Hibernate, JPA or Lucene), packages by feature with a {@code package-info.java} saying what each owns, and names
 * written as imports, where this test can see them, rather than inline.
 */
class ModuleBoundaryTest {

    private static final Path WEB = Path.of("src/main/java");
    private static final Path CORE = Path.of("../portal-core/src/main/java");
    /** A fully-qualified class name in code: {@code java.util.HashSet}, {@code org.apache.wicket.Component}. */
    private static final Pattern INLINE_NAME =
            Pattern.compile("(?<![\\w.])(java|javax|jakarta|org|com|net|md)(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
    /** Layer packages that features used to be spread over. */
    private static final Set<String> GRAB_BAGS = Set.of("service", "domain", "page", "panel", "model", "util", "helper");

    @Test
    void webSourcesDoNotImportPersistenceOrSearch() {
        assertEquals(List.of(), sourcesWhere(WEB, line -> line.startsWith("import ")
                && (line.contains("jakarta.persistence") || line.contains("org.hibernate")
                || line.contains("org.apache.lucene"))));
    }

    @Test
    void coreSourcesDoNotImportTheWebFramework() {
        assertEquals(List.of(), sourcesWhere(CORE, line -> line.startsWith("import ")
                && (line.contains("org.apache.wicket") || line.contains("org.eclipse.jetty")
                || line.contains("jakarta.servlet"))));
    }

    @Test
    void mainCodeWritesNoFullyQualifiedNamesInline() {
        Predicate<String> inline = line -> !line.startsWith("import ") && !line.startsWith("package ")
                && INLINE_NAME.matcher(codeOf(line)).find();
        assertEquals(List.of(), sourcesWhere(CORE, inline));
        assertEquals(List.of(), sourcesWhere(WEB, inline));
    }

    @Test
    void everyPackageSaysWhatItOwnsAndNoneIsALayerGrabBag() throws IOException {
        for (Path root : List.of(CORE, WEB)) {
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).filter(ModuleBoundaryTest::holdsJava).toList()) {
                    assertTrue(Files.exists(dir.resolve("package-info.java")), dir + " has no package-info.java");
                    assertTrue(!GRAB_BAGS.contains(dir.getFileName().toString()), dir + " is a layer, not a feature");
                }
            }
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line without its string literals and comments, roughly: enough for names written in code. */
    private static String codeOf(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return "";
        }
        String code = line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        int comment = code.indexOf("//");
        return comment < 0 ? code : code.substring(0, comment);
    }

    /** "file:line: text" of every line of a main source under the root that matches. */
    private static List<String> sourcesWhere(Path root, Predicate<String> offending) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().flatMap(file -> {
                List<String> lines = read(file);
                return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                        .filter(i -> offending.test(lines.get(i)))
                        .map(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
