package md.migratiesigura.portal.agency;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds agency names so that the ways people type them find the same agency: with or without diacritics (ș, ş and s
 * alike; ț, ţ, t; ă, â, a; î, i), any quotes (« » „ ” " '), any case, and with or without the legal form (SRL,
 * S.R.L., ÎI, SA, ООО, ОOO typed with mixed alphabets).
 */
public final class AgencyNames {

    /** Legal forms, after folding and mapping Cyrillic look-alike letters to Latin ones. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "srl", "sa", "ii", "ics", "ice", "sc", "ooo", "ao", "oao", "зao", "пao", "ип");

    private AgencyNames() {
    }

    /** Lower case, no diacritics, no dots, every other non-letter a single space: "S.R.L. „Ştiinţa”" → "srl stiinta". */
    public static String fold(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        // Dropping the combining marks also folds ș/ş (comma or cedilla below), ă, â, î, ё and й to plain letters.
        String plain = lower.replaceAll("\\p{M}", "").replace(".", "");
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The folded name without legal-form words: the key agencies are stored and searched by. */
    public static String searchKey(String name) {
        String folded = fold(name);
        List<String> words = new ArrayList<>();
        for (String word : folded.split(" ")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(latinLookAlikes(word))) {
                words.add(word);
            }
        }
        return words.isEmpty() ? folded : String.join(" ", words);
    }

    /** "ОOO" is often typed with a Cyrillic О and Latin Os: compare legal forms letter by shape. */
    private static String latinLookAlikes(String word) {
        StringBuilder latin = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            latin.append(switch (c) {
                case 'о' -> 'o';
                case 'а' -> 'a';
                case 'с' -> 'c';
                case 'е' -> 'e';
                case 'р' -> 'p';
                case 'і' -> 'i';
                default -> c;
            });
        }
        return latin.toString();
    }
}
