import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates a content folder for the search benchmark: N article keys, each with ro.md and ru.md, built only from
 * the real words and sentences of the bundled content (content/articles/*), shuffled and recombined.
 *
 * <pre>java deploy/bench/CorpusGenerator.java SOURCE_CONTENT_DIR OUT_DIR [ARTICLES=10000] [SEED=4]</pre>
 *
 * Deterministic: the same source, count and seed give byte-identical files. Every article:
 * <ul>
 * <li>gets one of the categories of SOURCE/categories.yml, in turn (equal shares), and draws its text mostly from a
 * real article of that category and two others picked at random;</li>
 * <li>has a title made of a real title or section heading, often joined to a second heading ("A: b"); both
 * languages use the same pieces, so the two files are translations in spirit;</li>
 * <li>has a body of 300-600 words (the number is drawn per article): paragraphs of real sentences (about 70 %) and
 * of sentences chained from real word pairs of the same language (about 30 %, so that not every document is a
 * permutation of the same sentences), "##" section headings and lists made of real list items;</li>
 * <li>is published at a date-time between 2017-01-01 and 2025-10-31 (Europe/Chisinau), always in the past.</li>
 * </ul>
 */
public final class CorpusGenerator {

    private static final String[] LANGS = {"ro", "ru"};
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}„«\"(0-9])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*]|\\d+\\.)\\s+(.*)$");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The pieces of one real article in one language. */
    record Source(String key, String category, String title, String summary, List<String> tags,
                  List<String> headings, List<String> sentences, List<String> items) {
    }

    /** The words of one language: real sentence openings and every real pair of neighbouring words. */
    static final class WordChain {
        final List<String> starts = new ArrayList<>();
        final Map<String, List<String>> next = new HashMap<>();

        void learn(String sentence) {
            String[] words = sentence.strip().split("\\s+");
            if (words.length < 4) {
                return;
            }
            starts.add(words[0]);
            for (int i = 0; i + 1 < words.length; i++) {
                next.computeIfAbsent(words[i], w -> new ArrayList<>()).add(words[i + 1]);
            }
        }

        static boolean endsSentence(String word) {
            char last = word.charAt(word.length() - 1);
            return last == '.' || last == '!' || last == '?' || last == '…';
        }

        String sentence(Random random) {
            StringBuilder sb = new StringBuilder();
            String word = starts.get(random.nextInt(starts.size()));
            int length = 0;
            int max = 10 + random.nextInt(16);
            while (true) {
                sb.append(length == 0 ? "" : " ").append(word);
                length++;
                boolean ends = endsSentence(word);
                if ((ends && length >= 6) || length >= max) {
                    break;
                }
                List<String> options = next.get(word);
                if (options == null || options.isEmpty()) {
                    break;
                }
                word = options.get(random.nextInt(options.size()));
            }
            String text = sb.toString().replaceAll("[,;:—–-]+$", "");
            if (!endsSentence(text)) {
                text = text.replaceAll("[.!?…»”\"]+$", "") + ".";
            }
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java CorpusGenerator.java SOURCE_CONTENT_DIR OUT_DIR [ARTICLES=10000] [SEED=4]");
            System.exit(2);
        }
        Path sourceDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 4;
        long started = System.nanoTime();

        List<String> categories = categoryKeys(sourceDir.resolve("categories.yml"));
        Map<String, List<Source>> sources = new HashMap<>();
        Map<String, WordChain> chains = new HashMap<>();
        List<String> keys;
        try (Stream<Path> dirs = Files.list(sourceDir.resolve("articles"))) {
            keys = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String lang : LANGS) {
            List<Source> list = new ArrayList<>();
            WordChain chain = new WordChain();
            for (String key : keys) {
                Path file = sourceDir.resolve("articles").resolve(key).resolve(lang + ".md");
                Source s = parse(key, Files.readString(file, StandardCharsets.UTF_8));
                list.add(s);
                s.sentences().forEach(chain::learn);
                s.items().forEach(chain::learn);
            }
            sources.put(lang, list);
            chains.put(lang, chain);
        }
        // Articles of each category, by index into the (key-sorted, so aligned) source lists.
        Map<String, List<Integer>> byCategory = new HashMap<>();
        List<Source> ro = sources.get("ro");
        for (int i = 0; i < ro.size(); i++) {
            byCategory.computeIfAbsent(ro.get(i).category(), c -> new ArrayList<>()).add(i);
        }

        Files.createDirectories(out.resolve("articles"));
        Files.copy(sourceDir.resolve("categories.yml"), out.resolve("categories.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long words = 0;
        long bytes = 0;
        LocalDateTime first = LocalDateTime.of(2017, 1, 1, 8, 0);
        long spanMinutes = java.time.Duration.between(first, LocalDateTime.of(2025, 10, 31, 20, 0)).toMinutes();
        for (int n = 1; n <= count; n++) {
            Random random = new Random(seed * 1_000_003L + n);
            String category = categories.get((n - 1) % categories.size());
            List<Integer> ofCategory = byCategory.getOrDefault(category, List.of());
            int primary = ofCategory.isEmpty() ? random.nextInt(ro.size()) : ofCategory.get(random.nextInt(ofCategory.size()));
            int[] picked = {primary, random.nextInt(ro.size()), random.nextInt(ro.size())};
            int targetWords = 300 + random.nextInt(301);
            long planSeed = random.nextLong();
            String published = first.plusMinutes((long) (random.nextDouble() * spanMinutes) / 5 * 5).format(PUBLISHED);
            String key = null;
            for (String lang : LANGS) {
                List<Source> list = sources.get(lang);
                // The same plan seed in both languages: same sources, same headings, same shape.
                Random plan = new Random(planSeed);
                Random text = new Random(planSeed ^ lang.hashCode());
                String title = title(plan, list, picked);
                if (key == null) {
                    key = String.format(Locale.ROOT, "b%05d-%s", n, truncateSlug(slugify(title), 60));
                }
                String slug = truncateSlug(slugify(title), 100) + "-" + n;
                Source main = list.get(primary);
                String summary = main.summary() != null && plan.nextInt(3) > 0 ? main.summary()
                        : pick(text, main.sentences());
                Set<String> tags = new LinkedHashSet<>();
                for (int p : picked) {
                    List<String> t = list.get(p).tags();
                    if (!t.isEmpty()) {
                        tags.add(t.get(plan.nextInt(t.size())));
                    }
                }
                StringBuilder body = new StringBuilder();
                int bodyWords = body(body, plan, text, list, picked, chains.get(lang), targetWords);
                String file = "---\n"
                        + "title: " + quote(title) + "\n"
                        + "summary: " + quote(summary) + "\n"
                        + "category: " + category + "\n"
                        + "tags: [" + String.join(", ", tags) + "]\n"
                        + "published: " + published + "\n"
                        + "slug: " + slug + "\n"
                        + "---\n" + body;
                Path dir = out.resolve("articles").resolve(key);
                Files.createDirectories(dir);
                byte[] data = file.getBytes(StandardCharsets.UTF_8);
                Files.write(dir.resolve(lang + ".md"), data);
                words += bodyWords;
                bytes += data.length;
            }
        }
        System.out.printf(Locale.ROOT, "Corpus: %d articles x 2 languages = %d files, %.1f MB, %d body words (%.0f per file)"
                        + ", generated in %.1f s into %s%n",
                count, 2 * count, bytes / 1e6, words, words / (2.0 * count), (System.nanoTime() - started) / 1e9, out);
    }

    private static String title(Random plan, List<Source> list, int[] picked) {
        Source main = list.get(picked[0]);
        Source other = list.get(picked[1 + plan.nextInt(2)]);
        String head = plan.nextInt(3) == 0 ? main.title() : pick(plan, main.headings(), main.title());
        String tail = pick(plan, other.headings(), other.title());
        String title = switch (plan.nextInt(4)) {
            case 0 -> head;
            case 1 -> head.replaceAll("[:?.!]+$", "") + ": " + lowerFirst(tail);
            case 2 -> main.title().replaceAll(":.*$", "") + ": " + lowerFirst(tail);
            default -> tail.replaceAll("[:?.!]+$", "") + " — " + lowerFirst(head);
        };
        return title.length() > 280 ? title.substring(0, 280).replaceAll("\\s+\\S*$", "") : title;
    }

    private static int body(StringBuilder body, Random plan, Random text, List<Source> list, int[] picked,
                            WordChain chain, int targetWords) {
        // Real sentences, items and headings are drawn without replacement from the picked articles; when a pool
        // runs dry, chained sentences take over.
        Deck sentences = new Deck(text);
        Deck items = new Deck(text);
        Deck headings = new Deck(plan);
        for (int i = 0; i < picked.length; i++) {
            Source s = list.get(picked[i]);
            sentences.addAll(s.sentences());
            items.addAll(s.items());
            headings.addAll(s.headings());
        }
        int words = 0;
        int section = 0;
        while (words < targetWords) {
            if (section > 0) {
                String heading = headings.next();
                if (heading != null) {
                    body.append("## ").append(heading).append("\n\n");
                    words += wordCount(heading);
                }
            }
            int paragraphs = 1 + plan.nextInt(2);
            for (int p = 0; p < paragraphs && (p == 0 || words < targetWords); p++) {
                int count = 2 + plan.nextInt(4);
                StringBuilder paragraph = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    String sentence = text.nextInt(10) < 7 ? sentences.next() : null;
                    if (sentence == null) {
                        sentence = chain.sentence(text);
                    }
                    paragraph.append(i == 0 ? "" : " ").append(sentence);
                    words += wordCount(sentence);
                }
                body.append(paragraph).append("\n\n");
            }
            if (plan.nextInt(3) == 0 && words < targetWords) {
                int count = 3 + plan.nextInt(3);
                boolean any = false;
                for (int i = 0; i < count; i++) {
                    String item = items.next();
                    if (item == null) {
                        break;
                    }
                    body.append("- ").append(item).append("\n");
                    words += wordCount(item);
                    any = true;
                }
                if (any) {
                    body.append("\n");
                }
            }
            section++;
        }
        return words;
    }

    /** Distinct strings dealt in a random order, each once; null when all were dealt. */
    static final class Deck {
        private final Random random;
        private final List<String> cards = new ArrayList<>();
        private final Set<String> seen = new java.util.HashSet<>();
        private boolean shuffled;
        private int position;

        Deck(Random random) {
            this.random = random;
        }

        void addAll(List<String> more) {
            for (String s : more) {
                if (seen.add(s)) {
                    cards.add(s);
                }
            }
        }

        String next() {
            if (!shuffled) {
                java.util.Collections.shuffle(cards, random);
                shuffled = true;
            }
            return position < cards.size() ? cards.get(position++) : null;
        }
    }

    /** The front matter fields used here and the body split into headings, list items and sentences. */
    static Source parse(String key, String text) {
        String normalized = text.replace("\r\n", "\n");
        int end = normalized.indexOf("\n---", 3);
        String front = normalized.substring(4, end + 1);
        String body = normalized.substring(normalized.indexOf('\n', end + 1) + 1);
        Map<String, String> fields = new HashMap<>();
        for (String line : front.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), unquote(line.substring(colon + 1).strip()));
            }
        }
        List<String> tags = new ArrayList<>();
        String rawTags = fields.getOrDefault("tags", "");
        for (String t : rawTags.replaceAll("[\\[\\]]", "").split(",")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        List<String> headings = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (String block : body.split("\n\\s*\n")) {
            for (String line : block.split("\n")) {
                String clean = LINK.matcher(line.strip()).replaceAll("$1").replace("**", "");
                if (clean.isEmpty() || clean.startsWith("|") || clean.startsWith(">")) {
                    continue;
                }
                if (clean.startsWith("#")) {
                    headings.add(clean.replaceAll("^#+\\s*", "").replaceAll("^\\d+\\.\\s*", ""));
                    continue;
                }
                Matcher item = LIST_ITEM.matcher(clean);
                if (item.matches()) {
                    items.add(item.group(1));
                    continue;
                }
                for (String sentence : SENTENCE_END.split(clean)) {
                    if (sentence.split("\\s+").length >= 3) {
                        sentences.add(sentence.strip());
                    }
                }
            }
        }
        return new Source(key, fields.get("category"), fields.get("title"), fields.get("summary"), tags,
                headings, sentences, items);
    }

    private static List<String> categoryKeys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = Pattern.compile("^-\\s*key:\\s*(\\S+)").matcher(line);
            if (m.find()) {
                keys.add(m.group(1));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no '- key:' entries in " + file);
        }
        return keys;
    }

    private static String pick(Random random, List<String> list, String fallback) {
        return list.isEmpty() ? fallback : list.get(random.nextInt(list.size()));
    }

    private static String pick(Random random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static int wordCount(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    private static String lowerFirst(String s) {
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
            return s; // an acronym (ANOFM, IDNO) keeps its capitals
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"));

    /** The portal's own rule (Slugs.slugify): Romanian diacritics dropped, Russian transliterated. */
    static String slugify(String title) {
        StringBuilder latin = new StringBuilder();
        for (char c : title.toLowerCase(Locale.ROOT).toCharArray()) {
            String t = CYRILLIC.get(c);
            latin.append(t != null ? t : String.valueOf(c));
        }
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "articol" : slug;
    }

    private static String truncateSlug(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String cut = slug.substring(0, max).replaceAll("-+[a-z0-9]*$", "");
        return cut.isEmpty() ? slug.substring(0, max).replaceAll("-+$", "") : cut;
    }
}
