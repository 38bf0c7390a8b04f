package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import md.migratiesigura.portal.audit.AuditAction;
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
                Properties own = packageTexts(file.getParent());
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
    void everyFeaturePackagesTextsExistInBothLanguages() throws IOException {
        // A feature may keep its texts beside its classes in wicket-package.utf8.properties (Romanian) and
        // wicket-package_ru.utf8.properties (Wicket 10 reads "wicket-package", not "package"); Wicket finds them for
        // the components of that package and of the packages below it.
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path ro : files.filter(f -> f.getFileName().toString().equals("wicket-package.utf8.properties")).toList()) {
                Path ru = ro.resolveSibling("wicket-package_ru.utf8.properties");
                if (!Files.exists(ru)) {
                    problems.add(ru + " is missing");
                    continue;
                }
                Set<String> roKeys = read(ro).stringPropertyNames();
                Set<String> ruKeys = read(ru).stringPropertyNames();
                if (!roKeys.equals(ruKeys)) {
                    Set<String> onlyRo = new TreeSet<>(roKeys);
                    onlyRo.removeAll(ruKeys);
                    Set<String> onlyRu = new TreeSet<>(ruKeys);
                    onlyRu.removeAll(roKeys);
                    problems.add(ro.getParent() + ": only in Romanian " + onlyRo + ", only in Russian " + onlyRu);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The texts of the package of a markup file and of the packages above it, as Wicket looks them up. */
    private static Properties packageTexts(Path dir) throws IOException {
        Properties texts = new Properties();
        for (Path d = dir; d != null && d.startsWith(Path.of("src/main/java")); d = d.getParent()) {
            Path file = d.resolve("wicket-package.utf8.properties");
            if (Files.exists(file)) {
                read(file).forEach(texts::putIfAbsent);
            }
        }
        return texts;
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
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

    @Test
    void everyAuditActionIsNamedOnTheAuditPageInBothLanguages() throws IOException {
        for (String file : List.of("PortalApplication.utf8.properties", "PortalApplication_ru.utf8.properties")) {
            Properties texts = load(file);
            Set<String> unnamed = new TreeSet<>();
            for (AuditAction action : AuditAction.values()) {
                if (texts.getProperty("admin.audit.action." + action.name(), "").isBlank()) {
                    unnamed.add(action.name());
                }
            }
            assertEquals(Set.of(), unnamed, "audit actions without a name in " + file);
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
