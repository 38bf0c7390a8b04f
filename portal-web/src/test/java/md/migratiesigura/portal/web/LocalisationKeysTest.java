package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import md.migratiesigura.portal.media.ImageService;
import org.junit.jupiter.api.Test;

/** Every user-visible text exists in Romanian and in Russian. */
class LocalisationKeysTest {

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        Properties ro = load("PortalApplication.utf8.properties");
        Properties ru = load("PortalApplication_ru.utf8.properties");
        Set<String> missingInRussian = new TreeSet<>(ro.stringPropertyNames());
        missingInRussian.removeAll(ru.stringPropertyNames());
        Set<String> missingInRomanian = new TreeSet<>(ru.stringPropertyNames());
        missingInRomanian.removeAll(ro.stringPropertyNames());
        assertEquals(Set.of(), missingInRussian, "keys missing in the Russian file");
        assertEquals(Set.of(), missingInRomanian, "keys missing in the Romanian file");
    }

    /** A feature's own texts, in its package's {@code wicket-package} files: both languages have the same keys. */
    @Test
    void everyFeaturesOwnKeyExistsInBothLanguages() throws IOException {
        Set<String> problems = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path romanian : files.filter(f -> f.getFileName().toString().equals(PACKAGE_RO)).toList()) {
                Properties ro = loadFile(romanian);
                Properties ru = loadFile(romanian.resolveSibling(PACKAGE_RU));
                for (String key : ro.stringPropertyNames()) {
                    if (!ru.containsKey(key)) {
                        problems.add(romanian.getParent().getFileName() + " has no Russian " + key);
                    }
                }
                for (String key : ru.stringPropertyNames()) {
                    if (!ro.containsKey(key)) {
                        problems.add(romanian.getParent().getFileName() + " has no Romanian " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), problems);
    }

    private static final String PACKAGE_RO = "wicket-package.utf8.properties";
    private static final String PACKAGE_RU = "wicket-package_ru.utf8.properties";

    /** Whether the key is in a {@code wicket-package} file of the markup's folder or one above it, as Wicket looks. */
    private static boolean definedInPackage(Path folder, String key) throws IOException {
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(PACKAGE_RO);
            if (Files.isRegularFile(file) && loadFile(file).containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static Properties loadFile(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    @Test
    void everyReasonAnUploadIsRefusedForHasItsMessage() throws IOException {
        // The editors' upload fields show "admin.editor.image." + the refusal's name: a new reason needs its text.
        for (String file : new String[] {"PortalApplication.utf8.properties", "PortalApplication_ru.utf8.properties"}) {
            Properties texts = load(file);
            for (ImageService.Refusal refusal : ImageService.Refusal.values()) {
                assertTrue(texts.containsKey("admin.editor.image." + refusal.name()), file + ": " + refusal);
            }
        }
    }

    @Test
    void everyKeyUsedInMarkupIsDefined() throws IOException {
        Properties ro = load("PortalApplication.utf8.properties");
        Pattern message = Pattern.compile("wicket:message key=\"([^\"]+)\"|wicket:message=\"[a-z-]+:([^\"]+)\"");
        Set<String> undefined = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = message.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!ro.containsKey(key) && !definedInPackage(file.getParent(), key)) {
                        undefined.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), undefined);
    }

    @Test
    void markupFilesDeclareUtf8() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                assertTrue(Files.readString(file).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
                        file + " starts with the UTF-8 XML declaration");
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PortalApplication.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
