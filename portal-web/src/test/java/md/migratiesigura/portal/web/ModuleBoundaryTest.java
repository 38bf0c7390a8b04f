package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The web module knows services and records, never Hibernate, JPA or Lucene. */
class ModuleBoundaryTest {

    @Test
    void webSourcesDoNotImportPersistenceOrSearch() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(ModuleBoundaryTest::importsForbidden)
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean importsForbidden(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import ")
                    && (line.contains("jakarta.persistence") || line.contains("org.hibernate")
                    || line.contains("org.apache.lucene")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
