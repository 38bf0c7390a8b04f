package md.migratiesigura.portal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import md.migratiesigura.portal.article.ReservedSlugs;
import md.migratiesigura.portal.common.Language;
import org.junit.jupiter.api.Test;

/**
 * The pages shipped in {@code content/pages}, read as the editors wrote them: the ones the specification names at
 * their addresses, both languages with the same sections and the same place in the navigation, every source named,
 * ASCII slugs that no fixed address takes, Romanian with comma-below ș ț, and the contacts readers can tap.
 */
class BundledPagesTest {

    private static final Path PAGES = Path.of("..", "content", "pages");
    private static final Pattern CEDILLA = Pattern.compile("[\u015E\u015F\u0162\u0163]");

    private static List<Path> pages() throws IOException {
        try (Stream<Path> dirs = Files.list(PAGES)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static FrontMatterDocument read(Path page, Language language) throws IOException {
        return FrontMatterDocument.parse(Files.readString(page.resolve(language.code() + ".md"), StandardCharsets.UTF_8));
    }

    @Test
    void theServicesOwnPagesAreThereAtTheAddressesOfTheSpecification() throws IOException {
        Map<String, List<String>> expected = Map.of(
                "despre", List.of("despre", "o-nas"),
                "contacte", List.of("contacte", "kontakty"),
                "parteneri", List.of("parteneri", "partnery"),
                "confidentialitate", List.of("confidentialitate", "konfidentsialnost"),
                "accesibilitate", List.of("accesibilitate", "dostupnost"));
        List<String> problems = new ArrayList<>();
        expected.forEach((key, slugs) -> {
            try {
                Path page = PAGES.resolve(key);
                List<String> actual = List.of(String.valueOf(read(page, Language.RO).fields().get("slug")),
                        String.valueOf(read(page, Language.RU).fields().get("slug")));
                if (!actual.equals(slugs)) {
                    problems.add(key + ": slugs " + actual + ", expected " + slugs);
                }
            } catch (IOException e) {
                problems.add(key + ": " + e.getMessage());
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPageIsCompleteInBothLanguagesAndPlacedAlikeInTheNavigation() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            String key = page.getFileName().toString();
            Map<Language, FrontMatterDocument> docs = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String name = key + "/" + language.code() + ".md";
                if (!Files.isRegularFile(page.resolve(language.code() + ".md"))) {
                    problems.add(name + " is missing");
                    continue;
                }
                FrontMatterDocument doc = read(page, language);
                docs.put(language, doc);
                Map<String, Object> f = doc.fields();
                if (f.get("title") == null || String.valueOf(f.get("title")).isBlank()) {
                    problems.add(name + ": no title");
                }
                String slug = String.valueOf(f.get("slug"));
                if (!Slugs.isValid(slug) || ReservedSlugs.isReserved(language, slug)) {
                    problems.add(name + ": slug '" + slug + "' is not ASCII words or is a fixed address");
                }
                Object menu = f.get("menu");
                if (menu != null && !List.of("main", "footer").contains(String.valueOf(menu))) {
                    problems.add(name + ": menu '" + menu + "' is neither main nor footer");
                }
                problems.addAll(BundledContentTest.sourceProblems(name, f));
            }
            if (docs.size() == 2) {
                Map<String, Object> ro = docs.get(Language.RO).fields();
                Map<String, Object> ru = docs.get(Language.RU).fields();
                if (!Objects.equals(ro.get("menu"), ru.get("menu")) || !Objects.equals(ro.get("order"), ru.get("order"))) {
                    problems.add(key + ": menu and order differ between the languages");
                }
                if (!BundledContentTest.sections(docs.get(Language.RO).body())
                        .equals(BundledContentTest.sections(docs.get(Language.RU).body()))) {
                    problems.add(key + ": the '##' sections differ between the languages");
                }
            }
            String romanian = Files.readString(page.resolve("ro.md"), StandardCharsets.UTF_8);
            if (CEDILLA.matcher(romanian).find()) {
                problems.add(key + "/ro.md: ş or ţ (cedilla) instead of ș ț");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theContactsCanBeTappedInBothLanguages() throws IOException {
        for (Language language : Language.values()) {
            String body = read(PAGES.resolve("contacte"), language).body();
            for (String link : List.of("](tel:080077777)", "](tel:+37322233309)", "](mailto:hotline@lastrada.md)",
                    "](mailto:office@lastrada.md)", "08:00", "20:00")) {
                assertTrue(body.contains(link), language + ": " + link);
            }
        }
    }
}
