package md.migratiesigura.portal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The articles shipped in {@code content/articles}, read as the editors wrote them: both languages present, the same
 * sections in the same order, the same sources, every fact's source named with its address and the day it was
 * consulted, a review date, and Romanian written with comma-below ș ț. Every problem is listed at once, by file.
 */
class BundledContentTest {

    private static final Path ARTICLES = Path.of("..", "content", "articles");
    /** A level-two heading, and the number it may start with ("## 2. Who…" gives "2."). */
    private static final Pattern SECTION = Pattern.compile("^## +(\\d+\\.)?.*$");
    private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$");
    /** Romanian s and t with cedilla, upper and lower case: the comma-below letters are U+0218-U+021B. */
    private static final Pattern CEDILLA = Pattern.compile("[\u015E\u015F\u0162\u0163]");

    private static List<Path> articles;

    @BeforeAll
    static void listArticles() throws IOException {
        assertTrue(Files.isDirectory(ARTICLES), "the bundled articles are at " + ARTICLES.toAbsolutePath());
        try (Stream<Path> dirs = Files.list(ARTICLES)) {
            articles = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(articles.size() >= 37, "the bundled content covers the subjects readers asked for: " + articles.size());
    }

    @Test
    void everyArticleIsWrittenInRomanianAndInRussian() {
        List<String> problems = new ArrayList<>();
        for (Path article : articles) {
            for (String file : List.of("ro.md", "ru.md")) {
                if (!Files.isRegularFile(article.resolve(file))) {
                    problems.add(article.getFileName() + ": " + file + " is missing");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void bothLanguagesHaveTheSameSectionsInTheSameOrder() throws IOException {
        assertEquals(List.of(), differences(d -> sections(d.body()), "'##' sections (by number)"));
    }

    @Test
    void everyArticleNamesItsSourcesCompletely() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path path : languageFiles()) {
            problems.addAll(sourceProblems(path.getParent().getFileName() + "/" + path.getFileName(), read(path).fields()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void bothLanguagesCiteTheSameSourcesInTheSameOrder() throws IOException {
        assertEquals(List.of(), differences(d -> urls(d.fields()), "source URLs"));
    }

    @Test
    void romanianIsWrittenWithCommaBelowLetters() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path article : articles) {
            Path ro = article.resolve("ro.md");
            if (!Files.isRegularFile(ro)) {
                continue;
            }
            String[] lines = Files.readString(ro, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = CEDILLA.matcher(lines[i]);
                if (m.find()) {
                    problems.add(article.getFileName() + "/ro.md:" + (i + 1) + ": '" + m.group()
                            + "' (cedilla) instead of ș ț");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theChecksCatchWhatTheyArePromisedToCatch() {
        Map<String, Object> incomplete = FrontMatterDocument.parse("""
                ---
                title: "T"
                reviewed: 2026-13-01
                sources:
                  - title: "Legea"
                    url: "ftp://example.md/lege"
                    consulted: 2026-12-06
                ---
                Text
                """).fields();
        List<String> problems = sourceProblems("x/ro.md", incomplete);
        assertTrue(problems.contains("x/ro.md: 'reviewed' must be a date such as 2026-12-06, not '2026-13-01'"), problems.toString());
        assertTrue(problems.contains("x/ro.md: source 1 has no publisher"), problems.toString());
        assertTrue(problems.contains("x/ro.md: source 1's url must be an http or https address, not 'ftp://example.md/lege'"),
                problems.toString());
        assertEquals(List.of("x/ro.md: 'sources' is missing: name at least one source"),
                sourceProblems("x/ro.md", FrontMatterDocument.parse("---\ntitle: \"T\"\nreviewed: 2026-12-06\n---\n").fields()));
        assertEquals(List.of("", "1.", "2."), sections("Intro\n## Why\n### Detail\n## 1. First\n```\n## not a heading\n```\n## 2. Second\n"));
        assertTrue(CEDILLA.matcher("şi ţară").find() && !CEDILLA.matcher("și țară").find());
    }

    /** The articles that have both files, so that the pairwise checks say nothing about a missing one twice. */
    private static List<Path> pairs() {
        return articles.stream()
                .filter(a -> Files.isRegularFile(a.resolve("ro.md")) && Files.isRegularFile(a.resolve("ru.md")))
                .toList();
    }

    /** For every article with both files, where the Romanian and the Russian file differ in one aspect. */
    private static List<String> differences(Function<FrontMatterDocument, List<String>> aspect, String what)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path article : pairs()) {
            List<String> ro = aspect.apply(read(article.resolve("ro.md")));
            List<String> ru = aspect.apply(read(article.resolve("ru.md")));
            if (!ro.equals(ru)) {
                problems.add(article.getFileName() + ": " + what + " differ: ro.md " + ro + ", ru.md " + ru);
            }
        }
        return problems;
    }

    /** The ro.md and ru.md files that exist. */
    private static List<Path> languageFiles() {
        return articles.stream()
                .flatMap(a -> Stream.of(a.resolve("ro.md"), a.resolve("ru.md")))
                .filter(Files::isRegularFile)
                .toList();
    }

    private static FrontMatterDocument read(Path file) throws IOException {
        return FrontMatterDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** One entry per '##' heading outside code blocks: its leading number, or "" when it has none. */
    static List<String> sections(String body) {
        List<String> sections = new ArrayList<>();
        boolean inCode = false;
        for (String line : body.split("\n")) {
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inCode = !inCode;
                continue;
            }
            Matcher m = SECTION.matcher(line);
            if (!inCode && m.matches()) {
                sections.add(m.group(1) == null ? "" : m.group(1));
            }
        }
        return sections;
    }

    private static List<String> urls(Map<String, Object> fields) {
        List<String> urls = new ArrayList<>();
        if (fields.get("sources") instanceof List<?> sources) {
            for (Object source : sources) {
                if (source instanceof Map<?, ?> map) {
                    urls.add(String.valueOf(map.get("url")));
                }
            }
        }
        return urls;
    }

    static List<String> sourceProblems(String name, Map<String, Object> fields) {
        List<String> problems = new ArrayList<>();
        dateProblem(fields.get("reviewed"), "'reviewed'").ifPresent(p -> problems.add(name + ": " + p));
        Object raw = fields.get("sources");
        if (!(raw instanceof List<?> sources) || sources.isEmpty()) {
            problems.add(name + ": 'sources' is missing: name at least one source");
            return problems;
        }
        int n = 0;
        for (Object item : sources) {
            n++;
            if (!(item instanceof Map<?, ?> source)) {
                problems.add(name + ": source " + n + " must have title, publisher, url and consulted");
                continue;
            }
            for (String field : List.of("title", "publisher")) {
                if (source.get(field) == null || String.valueOf(source.get(field)).isBlank()) {
                    problems.add(name + ": source " + n + " has no " + field);
                }
            }
            Object url = source.get("url");
            if (url == null || !HTTP_URL.matcher(String.valueOf(url)).matches()) {
                problems.add(name + ": source " + n + "'s url must be an http or https address, not '" + url + "'");
            }
            dateProblem(source.get("consulted"), "source " + n + "'s 'consulted'").ifPresent(p -> problems.add(name + ": " + p));
        }
        return problems;
    }

    private static Optional<String> dateProblem(Object value, String what) {
        if (value == null) {
            return Optional.of(what + " is missing");
        }
        try {
            LocalDate.parse(String.valueOf(value));
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(what + " must be a date such as 2026-12-06, not '" + value + "'");
        }
    }
}
