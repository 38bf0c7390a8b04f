package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import md.migratiesigura.portal.common.Language;

/**
 * The equivalent-word lists of both languages, read once per version of the lists (the bundled files and the
 * editors' entries) and then only looked up: a search pays for the words it has, not for the size of the lists.
 *
 * <p>A line of a list is either a group of equivalent words or phrases, {@code salariu, leafă, plată}, any of which
 * also finds the others; or a one-way rule, {@code moscova, piter => rusia}: what is left of the arrow also finds
 * what is right of it, not the reverse. Words are matched however they are typed: case, diacritics and
 * inflection do not matter ({@code leafa} matches {@code lefii}), and Russian typed in Latin letters in any of its
 * usual spellings meets its entry.
 */
public final class EquivalentWords {

    /** The longest phrase, in words, that a list entry may have. */
    public static final int MAX_PHRASE_WORDS = 4;

    public static final EquivalentWords NONE = new EquivalentWords(Map.of(), 0);

    /** Per language: the key of a word or phrase as typed → what it also finds (as written in the list). */
    private final Map<Language, Map<String, List<String>>> alternatives;
    private final long version;
    /** Every word of the lists, folded, per language: the did-you-mean knows them too. */
    private final Map<Language, Set<String>> words;

    private EquivalentWords(Map<Language, Map<String, List<String>>> alternatives, long version) {
        this.alternatives = alternatives;
        this.version = version;
        Map<Language, Set<String>> all = new EnumMap<>(Language.class);
        alternatives.forEach((language, entries) -> {
            Set<String> known = new HashSet<>();
            entries.values().forEach(list -> list.forEach(text -> QueryWords.of(text).forEach(w -> known.add(QueryWords.fold(w.typed())))));
            all.put(language, Set.copyOf(known));
        });
        this.words = all;
    }

    /** The lists from their lines per language (comments after {@code #} and blank lines ignored). */
    public static EquivalentWords of(Map<Language, List<String>> lines, long version) {
        Map<Language, Map<String, List<String>>> byLanguage = new EnumMap<>(Language.class);
        lines.forEach((language, list) -> {
            Map<String, LinkedHashMap<String, String>> entries = new HashMap<>();
            for (String line : list) {
                Rule rule = parse(line);
                if (rule == null) {
                    continue;
                }
                for (String from : rule.from()) {
                    String key = QueryWords.phraseKey(from);
                    if (key.isEmpty()) {
                        continue;
                    }
                    LinkedHashMap<String, String> found = entries.computeIfAbsent(key, k -> new LinkedHashMap<>());
                    for (String to : rule.to()) {
                        String toKey = QueryWords.phraseKey(to);
                        if (!toKey.isEmpty() && !toKey.equals(key)) {
                            found.putIfAbsent(toKey, to);
                        }
                    }
                }
            }
            Map<String, List<String>> frozen = new HashMap<>();
            entries.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    frozen.put(k, List.copyOf(v.values()));
                }
            });
            byLanguage.put(language, Collections.unmodifiableMap(frozen));
        });
        return new EquivalentWords(byLanguage, version);
    }

    /** Where the bundled list of a language lives in the content folder. */
    public static Path bundledFile(Path contentDir, Language language) {
        return contentDir.resolve("search").resolve("equivalent-words-" + language.code() + ".txt");
    }

    /** The bundled lists' lines per language (none for a language without a file). */
    public static Map<Language, List<String>> bundled(Path contentDir) {
        Map<Language, List<String>> lines = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Path file = bundledFile(contentDir, language);
            try {
                lines.put(language, Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /** One line: what it is typed as, and what that also finds. */
    record Rule(List<String> from, List<String> to) {
    }

    /** A line read as a rule; null for a blank line or a comment. Does not validate: see {@link #problem}. */
    static Rule parse(String line) {
        String text = line;
        int comment = text.indexOf('#');
        if (comment >= 0) {
            text = text.substring(0, comment);
        }
        text = text.strip();
        if (text.isEmpty()) {
            return null;
        }
        int arrow = text.indexOf("=>");
        if (arrow >= 0) {
            return new Rule(items(text.substring(0, arrow)), items(text.substring(arrow + 2)));
        }
        List<String> all = items(text);
        return new Rule(all, all);
    }

    private static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            String s = item.strip().replaceAll("\\s+", " ");
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return items;
    }

    /** What is wrong with a line an editor typed, as a message key; null when it is fine. */
    public static String problem(String line) {
        if (line == null || line.isBlank()) {
            return "required";
        }
        if (line.length() > 500) {
            return "tooLong";
        }
        if (line.indexOf('#') >= 0 || line.indexOf('"') >= 0 || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            return "characters";
        }
        int arrows = line.split("=>", -1).length - 1;
        if (arrows > 1) {
            return "arrows";
        }
        Rule rule = parse(line);
        if (rule == null || rule.from().isEmpty() || rule.to().isEmpty()) {
            return "twoWords";
        }
        Set<String> keys = new HashSet<>();
        for (String item : arrows == 1 ? concat(rule.from(), rule.to()) : rule.from()) {
            if (!item.matches("[\\p{L}\\p{M}\\p{N}' -]+") || QueryWords.phraseKey(item).isEmpty()) {
                return "characters";
            }
            if (item.split(" ").length > MAX_PHRASE_WORDS) {
                return "phraseTooLong";
            }
            keys.add(QueryWords.phraseKey(item));
        }
        return keys.size() < 2 ? "twoWords" : null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public long version() {
        return version;
    }

    /** What a word or phrase (given by its key) also finds in this language's list; empty when it has no entry. */
    List<String> alternatives(Language language, String key) {
        Map<String, List<String>> entries = alternatives.get(language);
        if (entries == null) {
            return List.of();
        }
        List<String> found = entries.get(key);
        return found == null ? List.of() : found;
    }

    boolean isEmpty(Language language) {
        Map<String, List<String>> entries = alternatives.get(language);
        return entries == null || entries.isEmpty();
    }

    /** Whether a folded word is written in this language's list. */
    boolean knows(Language language, String folded) {
        Set<String> known = words.get(language);
        return known != null && known.contains(folded);
    }

    /** The words of this language's list, folded. */
    Set<String> words(Language language) {
        return words.getOrDefault(language, Set.of());
    }
}
