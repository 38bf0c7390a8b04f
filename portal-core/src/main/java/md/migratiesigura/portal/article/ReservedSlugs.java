package md.migratiesigura.portal.article;

import java.util.Map;
import java.util.Set;
import md.migratiesigura.portal.common.Language;

/**
 * The first path segments of the portal's fixed public addresses in each language ({@code /ro/articole/…},
 * {@code /ru/poisk}, …): a page lives at {@code /ro/{slug}}, so a page with one of these slugs would shadow a fixed
 * address, or be shadowed by it. The web module's {@code PageRoutesTest} checks that every fixed address it mounts is
 * here.
 */
public final class ReservedSlugs {

    private static final Map<Language, Set<String>> RESERVED = Map.of(
            Language.RO, Set.of("articole", "categorie", "eticheta", "cautare", "verifica-oferta", "agentii",
                    "evenimente", "consultatie", "raport", "chat", "materiale", "admin", "api", "media"),
            Language.RU, Set.of("stati", "kategoriya", "metka", "poisk", "proverka-vakansii", "agentstva",
                    "sobytiya", "konsultatsiya", "otchet", "chat", "materialy", "admin", "api", "media"));

    private ReservedSlugs() {
    }

    /** Whether a page may not have this slug in this language. */
    public static boolean isReserved(Language language, String slug) {
        return RESERVED.get(language).contains(slug);
    }
}
