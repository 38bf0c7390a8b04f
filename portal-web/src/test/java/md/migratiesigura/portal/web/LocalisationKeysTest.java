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
                // A feature's own texts may live beside its markup, in wicket-package(_ru).utf8.properties.
                Properties own = new Properties();
                Path ownFile = file.resolveSibling("wicket-package.utf8.properties");
                if (Files.exists(ownFile)) {
                    try (var reader = Files.newBufferedReader(ownFile, java.nio.charset.StandardCharsets.UTF_8)) {
                        own.load(reader);
                    }
                    Properties ownRu = new Properties();
                    try (var reader = Files.newBufferedReader(file.resolveSibling("wicket-package_ru.utf8.properties"),
                            java.nio.charset.StandardCharsets.UTF_8)) {
                        ownRu.load(reader);
                    }
                    assertEquals(own.stringPropertyNames(), ownRu.stringPropertyNames(),
                            ownFile + ": the same keys in Romanian and Russian");
                }
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!ro.containsKey(key) && !own.containsKey(key)) {
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
