package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.Slugs;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analyzers behind search, the same at index and at query time. Each language has a stemmed field (finds
 * "contract" for "contractului", "паспорт" for "паспорта") and an unstemmed folded field (exact words, spelling
 * suggestions). Romanian is folded to plain ASCII after stemming, so "pasaport", "pașaport" and "paşaport" meet.
 */
public final class PortalAnalyzers {

    /** Bump when any analysis changes: an index built by another version is rebuilt at start. */
    public static final String VERSION = "6";

    private PortalAnalyzers() {
    }

    public static String stemmedField(String base, Language language) {
        return base + "_" + language.code();
    }

    public static String foldedField(Language language) {
        return "folded_" + language.code();
    }

    /** One analyzer for all fields, chosen by the field name's language suffix. */
    public static Analyzer perField() {
        Analyzer ro = romanianStemmed();
        Analyzer ru = russianStemmed();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                "title_ro", withoutNumbers(ro), "body_ro", ro, "folded_ro", romanianFolded(),
                "title_ru", withoutNumbers(ru), "body_ru", ru, "folded_ru", russianFolded(),
                "translit_ru", russianInLatin(), "translit_title_ru", withoutNumbers(russianInLatin())));
    }

    /**
     * A title's analysis without its numbers: a phone number or a count in a title ("Linia Fierbinte 0 800 77777",
     * "Cei 11 indicatori") made it longer, hence weaker for every word a reader does type, than the title of a
     * neighbouring article. The numbers stay findable in the body and the exact-word field.
     */
    static Analyzer withoutNumbers(Analyzer analyzer) {
        return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(components.getSource(), new FilteringTokenFilter(components.getTokenStream()) {
                    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

                    @Override
                    protected boolean accept() {
                        for (int i = 0; i < term.length(); i++) {
                            if (!Character.isDigit(term.charAt(i))) {
                                return true;
                            }
                        }
                        return false;
                    }
                });
            }
        };
    }

    // ș→ş, ț→ţ because Lucene 9's Romanian stemmer and stop words use the old cedilla letters.
    private static final NormalizeCharMap ROMANIAN_CHARS = charMap(Map.of(
            "ș", "ş", "Ș", "Ş", "ț", "ţ", "Ț", "Ţ"));
    private static final NormalizeCharMap RUSSIAN_CHARS = charMap(Map.of("ё", "е", "Ё", "Е"));

    /** Romanian stop words in every spelling people type: comma-below, cedilla and without diacritics. */
    private static final CharArraySet ROMANIAN_STOP = withFoldedForms(RomanianAnalyzer.getDefaultStopSet());
    private static final CharArraySet RUSSIAN_STOP = RussianAnalyzer.getDefaultStopSet();

    /**
     * The words of the unstemmed fields that only join others: prepositions, conjunctions, articles. Without them
     * "contract de muncă" would find every document for its "de". Far shorter than the stemmed fields' stop lists,
     * which also drop words a reader may look for ("fără", as in "fără viză"): those stay findable as typed.
     */
    private static final CharArraySet ROMANIAN_FUNCTION_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "a", "ai", "al", "ale", "ca", "care", "ce", "cu", "de", "din", "dupa", "in", "la", "lui", "o", "pe",
            "pentru", "prin", "sa", "sau", "se", "si", "spre", "un", "una", "unei", "unor", "unui"), false));
    private static final List<String> RUSSIAN_FUNCTION_WORD_LIST = List.of(
            "а", "в", "во", "для", "до", "же", "за", "и", "из", "или", "к", "ко", "как", "ли", "на", "но", "о", "об",
            "от", "по", "с", "со", "то", "у", "что");
    private static final CharArraySet RUSSIAN_FUNCTION_WORDS =
            CharArraySet.unmodifiableSet(new CharArraySet(RUSSIAN_FUNCTION_WORD_LIST, false));
    /** The same words as the Latin-typed Russian field writes them ("za", "dlya"). */
    private static final CharArraySet RUSSIAN_FUNCTION_WORDS_IN_LATIN = CharArraySet.unmodifiableSet(new CharArraySet(
            RUSSIAN_FUNCTION_WORD_LIST.stream().map(w -> QueryWords.latinRussian(Slugs.transliterate(w))).toList(),
            false));

    static Analyzer romanianStemmed() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, ROMANIAN_STOP);
                stream = new SnowballFilter(stream, new RomanianStemmer());
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, new StemEndingFilter(stream, false));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(ROMANIAN_CHARS, reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static Analyzer romanianFolded() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source,
                        new StopFilter(new ASCIIFoldingFilter(new LowerCaseFilter(source)), ROMANIAN_FUNCTION_WORDS));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static Analyzer russianStemmed() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, RUSSIAN_STOP);
                stream = new SnowballFilter(stream, new RussianStemmer());
                return new TokenStreamComponents(source, new StemEndingFilter(stream, true));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(RUSSIAN_CHARS, reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    static Analyzer russianFolded() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new StopFilter(new LowerCaseFilter(source), RUSSIAN_FUNCTION_WORDS));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(RUSSIAN_CHARS, reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * Russian as people type it on a Latin keyboard: both the text and the query are written in Latin letters
     * ("работа за границей" and "rabota za granitsey" meet). Unstemmed: exact word forms only.
     */
    static Analyzer russianInLatin() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new TransliterationFilter(new LowerCaseFilter(source));
                stream = new LatinSpellingFilter(new ASCIIFoldingFilter(stream), false);
                stream = new StopFilter(stream, RUSSIAN_FUNCTION_WORDS_IN_LATIN);
                return new TokenStreamComponents(source, new LatinSpellingFilter(stream, true));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new TransliterationFilter(new LowerCaseFilter(in)));
            }
        };
    }

    /**
     * Russian in Latin letters, one spelling for the many people type ({@link QueryWords#latinRussian}: "ya"/"ia",
     * "kh"/"h", "ts"/"c", doubled letters); with {@code stem}, also without the usual endings ("rabotu", "raboty",
     * "rabotoi" meet "rabota"), the field being otherwise unstemmed.
     */
    private static final class LatinSpellingFilter extends TokenFilter {
        private static final String[] ENDINGS = {"iami", "ami", "iah", "ah", "ovi", "ev", "ov", "om", "em", "oi", "ei",
                "ii", "ia", "iu", "ie", "i", "a", "u", "e", "o"};
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final boolean stem;

        LatinSpellingFilter(TokenStream input, boolean stem) {
            super(input);
            this.stem = stem;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String word = stem ? term.toString() : QueryWords.latinRussian(term.toString());
            if (stem) {
                for (String ending : ENDINGS) {
                    if (word.length() - ending.length() >= 4 && word.endsWith(ending)) {
                        word = word.substring(0, word.length() - ending.length());
                        break;
                    }
                }
            }
            term.setEmpty().append(word);
            return true;
        }
    }

    /**
     * What the Snowball stemmers leave apart that readers and articles use for one thing: in Romanian "copii",
     * "copiii" beside "copil" (the plural's stems were "cop" and "copii"); in Russian the verb in -ировать and the
     * noun in -ация beside their root ("эксплуатируют", "эксплуатация"; "регистрироваться", "регистрация").
     * Applied at indexing and at query time alike. (Cutting Romanian past participles, "plătit" to "plat", was
     * tried and dropped: measured in docs/search.md.)
     */
    static final class StemEndingFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final boolean russian;

        StemEndingFilter(TokenStream input, boolean russian) {
            super(input);
            this.russian = russian;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            // Most terms end otherwise: they are let through without making a string of them.
            int n = term.length();
            char last = n == 0 ? 0 : term.charAt(n - 1);
            boolean candidate = russian ? last == 'р' || last == 'ц' || last == 'а' : last == 'p' || last == 'i';
            if (candidate) {
                String stem = term.toString();
                String cut = russian ? russian(stem) : romanian(stem);
                if (!cut.equals(stem)) {
                    term.setEmpty().append(cut);
                }
            }
            return true;
        }

        static String romanian(String stem) {
            return stem.equals("cop") || stem.equals("copii") ? "copil" : stem;
        }

        static String russian(String stem) {
            int n = stem.length();
            if (n >= 9 && stem.endsWith("ирова")) {
                return stem.substring(0, n - 5);
            }
            if (n >= 8 && stem.endsWith("ир") || n >= 6 && stem.endsWith("ац")) {
                return stem.substring(0, n - 2);
            }
            return stem;
        }
    }

    /** Rewrites each Cyrillic term in Latin letters, the same way as article slugs. */
    private static final class TransliterationFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        TransliterationFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String latin = Slugs.transliterate(term.toString());
            if (latin.indexOf('ş') >= 0 || latin.indexOf('ș') >= 0 || latin.indexOf('ţ') >= 0 || latin.indexOf('ț') >= 0
                    || latin.indexOf('č') >= 0 || latin.indexOf('š') >= 0 || latin.indexOf('ž') >= 0) {
                latin = latin.replace("ş", "sh").replace("ș", "sh").replace("ţ", "ts").replace("ț", "ts")
                        .replace("č", "ch").replace("š", "sh").replace("ž", "zh");
            }
            term.setEmpty().append(latin);
            return true;
        }
    }

    private static NormalizeCharMap charMap(Map<String, String> mappings) {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        mappings.forEach(builder::add);
        return builder.build();
    }

    private static CharArraySet withFoldedForms(CharArraySet words) {
        CharArraySet all = new CharArraySet(words.size() * 3, false);
        for (Object word : words) {
            String w = new String((char[]) word);
            all.add(w);
            all.add(w.replace('ş', 'ș').replace('ţ', 'ț'));
            all.add(Normalizer.normalize(w, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
        }
        return CharArraySet.unmodifiableSet(all);
    }
}
