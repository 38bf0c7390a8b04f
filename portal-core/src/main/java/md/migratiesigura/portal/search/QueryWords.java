package md.migratiesigura.portal.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The words of a query as the search reads them before Lucene does: split into words and quoted phrases, each word
 * reduced to a key that meets the equivalent-word lists however it was typed (case, diacritics, inflection,
 * Russian in Latin letters spelled "ya" or "ia"), and the question words and filler that carry no subject
 * ("ce trebuie să fac dacă", "что делать если") set apart so that they do not outweigh the words that matter.
 */
final class QueryWords {

    /** One word or quoted phrase as typed, with its key ({@code null} for a phrase). */
    record Word(String typed, String key, boolean phrase, boolean filler) {
    }

    /**
     * Question words, pronouns, auxiliaries and filler, folded (no diacritics, lower case), in both languages and
     * Russian in Latin letters too: a question may mix them. Negations are here as well ("nu", "не", "нет"): nearly
     * every text has them, so they only pushed the answer down; the state they negate ("primesc", "платят") stays.
     */
    static final Set<String> FILLER = Set.copyOf(List.of(
            // Romanian
            "a", "ai", "al", "ale", "am", "ar", "are", "as", "asa", "au", "avem", "aveti", "ca", "cand", "care", "cat",
            "cata", "cate", "cati", "ce", "cel", "cea", "cei", "cele", "cine", "cum", "cu", "da", "daca", "de", "deja",
            "din", "e", "ea", "ei", "el", "ele", "esti", "este", "eu", "face", "facem", "faceti", "fac", "faci", "fi",
            "foarte", "iar", "ii", "il", "imi", "in", "intr", "isi", "iti", "la", "le", "lui", "ma", "mai", "meu", "mea",
            "mei", "mele", "mi", "mie", "ne", "nimic", "noi", "nostru", "noastra", "nu", "o", "ori", "pe", "pentru",
            "poate", "pot", "poti", "putem", "s", "sa", "sau", "se", "si", "sunt", "suntem", "tau", "ta", "te", "tot",
            "trebuie", "tu", "un", "una", "unde", "unei", "unui", "va", "voi", "vreau", "vrea", "adica", "oare",
            "cumva", "acum", "aici", "acolo", "stiu", "stie", "voie", "mine", "tine", "normal", "oare", "ceva", "cineva",
            // Russian
            "а", "без", "бы", "в", "вам", "вас", "во", "вот", "вы", "где", "да", "делать", "для", "до", "его", "ее",
            "если", "есть", "же", "за", "и", "из", "или", "их", "к", "как", "какие", "какой", "какая", "когда", "ко",
            "кто", "куда", "ли", "мне", "меня", "мы", "на", "нам", "нас", "не", "нет", "ним", "ну", "о", "об", "он",
            "она", "они", "от", "по", "почему", "при", "с", "себя", "со", "так", "то", "у", "уже", "что", "чтобы",
            "это", "этом", "я", "мой", "моя", "мои", "можно", "нужно", "надо", "сделать", "зачем", "там", "тут",
            "сейчас", "очень", "который", "которые", "будет", "был", "была", "были", "быть", "меня", "мою", "мое",
            // Russian in Latin letters
            "chto", "shto", "kak", "gde", "kuda", "kogda", "kto", "esli", "delat", "mne", "menya", "menia", "ya",
            "mozhno", "nuzhno", "nado", "li", "ne", "net", "v", "na", "po", "za", "i", "u", "k", "ot", "iz", "dlya",
            "dlia", "eto", "est", "mogu", "moi", "moya", "moia", "s", "bez",
            // states that only say "I am left ..." ("остался без документов", "am rămas fără acte")
            "остался", "осталась", "остались", "ostalsya", "ostalsia", "ostalas", "ramas", "ramasa"));

    private QueryWords() {
    }

    /**
     * The words and quoted phrases of a query, in order. A word is any run of letters and digits (so "mi-a" is two
     * words, as the analyzers read it); an unclosed quote is read as plain words.
     */
    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close > i + 1) {
                    String phrase = text.substring(i + 1, close).strip();
                    if (!phrase.isEmpty()) {
                        words.add(new Word(phrase, null, true, false));
                    }
                    i = close + 1;
                    continue;
                }
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
                    i++;
                }
                String typed = text.substring(start, i);
                String folded = fold(typed);
                words.add(new Word(typed, key(folded), false, FILLER.contains(folded)));
                continue;
            }
            i++;
        }
        return words;
    }

    /** Lower case, without diacritics ("ș", "ş" and "s" meet), "ё" read as "е"; "й" stays. */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 128 || c == 'й') {
                out.append(c);
            } else if (c == 'ё') {
                out.append('е');
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                out.append(decomposed.charAt(0));
            }
        }
        return out.toString();
    }

    /**
     * The key of a folded word in the equivalent-word lists: Cyrillic words by their Russian stem; words in Latin
     * letters by their Romanian stem, with the spellings of Russian typed in Latin letters made one
     * ({@link #latinRussian}), so "zarplata", "zarplatu" and "зарплату" typed on either page find one entry each.
     */
    static String key(String folded) {
        if (folded.isEmpty()) {
            return folded;
        }
        if (isCyrillic(folded)) {
            RussianStemmer stemmer = new RussianStemmer();
            stemmer.setCurrent(folded);
            stemmer.stem();
            return stemmer.getCurrent();
        }
        RomanianStemmer stemmer = new RomanianStemmer();
        stemmer.setCurrent(folded);
        stemmer.stem();
        return latinRussian(stemmer.getCurrent());
    }

    /** The key of a word or phrase of a list: its words' keys joined by one space. */
    static String phraseKey(String text) {
        StringBuilder key = new StringBuilder();
        for (Word w : of(text)) {
            if (w.key() != null && !w.key().isEmpty()) {
                key.append(key.isEmpty() ? "" : " ").append(w.key());
            }
        }
        return key.toString();
    }

    static boolean isCyrillic(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeBlock.of(word.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    /**
     * One spelling for the many ways Russian is typed in Latin letters: "ya"/"ia", "yu"/"iu", "iy"/"ii"/"y"
     * all become "i"-forms, "kh" "h", "ts"/"tz" "c", "shch"/"sch" "sh", doubled letters one, soft and hard signs
     * (typed as an apostrophe) are already gone. Applied to the transliterated field and to queries alike.
     */
    static String latinRussian(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int n = word.length();
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c == 's' && word.startsWith("shch", i)) {
                out.append("sh");
                i += 3;
                continue;
            }
            if (c == 's' && word.startsWith("sch", i)) {
                out.append("sh");
                i += 2;
                continue;
            }
            if (c == 'k' && i + 1 < n && word.charAt(i + 1) == 'h') {
                c = 'h';
                i++;
            } else if (c == 't' && i + 1 < n && (word.charAt(i + 1) == 's' || word.charAt(i + 1) == 'z')) {
                c = 'c';
                i++;
            } else if (c == 'y' || c == 'j') {
                c = 'i';
            } else if (c == 'w') {
                c = 'v';
            } else if (c == 'x') {
                out.append('k');
                c = 's';
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
