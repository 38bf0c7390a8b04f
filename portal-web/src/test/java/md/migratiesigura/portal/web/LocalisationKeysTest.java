package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        // A feature's own texts (wicket-package.utf8.properties beside its markup) exist in both languages too.
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(PACKAGE_TEXTS)).toList()) {
                Properties packageRo = loadFile(file);
                Properties packageRu = loadFile(file.resolveSibling("wicket-package_ru.utf8.properties"));
                assertEquals(packageRo.stringPropertyNames(), packageRu.stringPropertyNames(),
                        file + " and its Russian file have the same keys");
            }
        }
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
                Path packageFile = file.resolveSibling(PACKAGE_TEXTS);
                Properties own = Files.exists(packageFile) ? loadFile(packageFile) : new Properties();
                Matcher m = message.matcher(Files.readString(file));
                while (m.find()) {
                    // wicket:message="attr:key,attr:key" sets several attributes at once.
                    List<String> keys = m.group(1) != null ? List.of(m.group(1))
                            : Arrays.stream(m.group(2).split(",")).map(a -> a.substring(a.indexOf(':') + 1)).toList();
                    for (String key : keys) {
                        if (!ro.containsKey(key) && !own.containsKey(key)) {
                            undefined.add(file.getFileName() + ": " + key);
                        }
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

    /** A feature's own texts, beside its markup (Wicket's package file name). */
    private static final String PACKAGE_TEXTS = "wicket-package.utf8.properties";

    private static Properties loadFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PortalApplication.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
