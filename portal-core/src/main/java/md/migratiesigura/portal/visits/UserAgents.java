package md.migratiesigura.portal.visits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells bots from people by the user agent. The crawlers are the public, maintained list of the npm package
 * {@code crawler-user-agents} ({@value #CRAWLER_LIST_VERSION}, vendored unchanged as
 * {@code crawler-user-agents.json}); added to it are the link-preview fetchers of messengers and the tools that
 * load-test or script a site, and an empty user agent.
 *
 * <p>Matching must cost next to nothing on every page: most of the ~600 patterns are plain words, looked for with
 * one pass of a character trie; the rest are one combined regular expression; and each user agent's answer is
 * remembered (a real site sees a few thousand distinct ones).
 */
public final class UserAgents {

    public static final String CRAWLER_LIST_VERSION = "1.60.0";

    /**
     * Not crawlers, but not readers either. Link previews are matched at the start only: an in-app browser of the
     * same messenger, used by a person, carries the name later in its user agent (except Viber's, which the
     * crawler list itself matches anywhere: the list is followed as published).
     */
    static final List<String> EXTRA_PATTERNS = List.of(
            "^(?i:WhatsApp|Viber|TelegramBot|Slackbot|Discordbot|SkypeUriPreview|Twitterbot|vkShare)",
            "^(?i:curl|Wget|wrk|ab|ApacheBench|Gatling|k6|python-requests|python-urllib|python-httpx|aiohttp"
                    + "|Go-http-client|Java|Java-http-client|okhttp|Apache-HttpClient|node-fetch|axios|undici"
                    + "|HTTPie|libwww-perl|Scrapy|PostmanRuntime|insomnia|JMeter|Locust|hey|siege)(?![A-Za-z])");

    /** Looked for anywhere, in any case (a lower-cased copy and plain search: case-insensitive regexes are slow). */
    static final List<String> EXTRA_WORDS_ANY_CASE = List.of("facebookexternalhit", "facebot", "telegrambot",
            "meta-externalagent", "headlesschrome", "phantomjs", "lighthouse");

    static final int CACHE_LIMIT = 20_000;
    static final int LONGEST_CACHED = 512;

    private final Trie literals = new Trie();
    private final List<String> prefixes = new ArrayList<>();
    private final List<Pattern> anchored = new ArrayList<>();
    private final List<Guarded> guarded = new ArrayList<>();
    private final Pattern expressions;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    UserAgents(List<String> patterns) {
        List<String> regexes = new ArrayList<>();
        for (String whole : patterns) {
            // "A|B" at the top level is two patterns, each perhaps plain text.
            for (String pattern : alternatives(whole)) {
                boolean anchored = pattern.startsWith("^");
                String body = anchored ? pattern.substring(1) : pattern;
                String literal = literal(body);
                if (literal != null && !literal.isEmpty()) {
                    if (anchored) {
                        prefixes.add(literal);
                    } else {
                        literals.add(literal);
                    }
                } else if (anchored) {
                    this.anchored.add(Pattern.compile(body));
                } else {
                    String guard = guard(pattern);
                    if (guard != null) {
                        guarded.add(new Guarded(guard, Pattern.compile(pattern)));
                    } else {
                        regexes.add(pattern);
                    }
                }
            }
        }
        this.expressions = regexes.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(regexes.stream().map(r -> "(?:" + r + ")").collect(Collectors.joining("|")));
    }

    /** The crawler list and the extra patterns. */
    public static UserAgents standard() {
        List<String> patterns = new ArrayList<>(crawlerPatterns());
        patterns.addAll(EXTRA_PATTERNS);
        return new UserAgents(patterns);
    }

    /** The patterns of the vendored crawler list, in its order. */
    static List<String> crawlerPatterns() {
        return crawlerList().stream().map(e -> e.get("pattern").asText()).toList();
    }

    /** The vendored list's entries: pattern, instances (example user agents), url, description. */
    static List<JsonNode> crawlerList() {
        try (InputStream in = UserAgents.class.getResourceAsStream("crawler-user-agents.json")) {
            if (in == null) {
                throw new IllegalStateException("crawler-user-agents.json is missing from the classpath");
            }
            List<JsonNode> entries = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(entries::add);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a request with this user agent is a bot, a preview fetcher or a tool, never a reader. */
    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        if (userAgent.length() > LONGEST_CACHED) {
            return matches(userAgent);
        }
        Boolean known = cache.get(userAgent);
        if (known != null) {
            return known;
        }
        boolean bot = matches(userAgent);
        if (cache.size() >= CACHE_LIMIT) {
            // Crude but bounded: a flood of made-up user agents cannot grow the memory.
            cache.clear();
        }
        cache.put(userAgent, bot);
        return bot;
    }

    boolean matches(String userAgent) {
        for (String prefix : prefixes) {
            if (userAgent.startsWith(prefix)) {
                return true;
            }
        }
        if (literals.occursIn(userAgent)) {
            return true;
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        for (String word : EXTRA_WORDS_ANY_CASE) {
            if (lower.contains(word)) {
                return true;
            }
        }
        for (Pattern p : anchored) {
            if (p.matcher(userAgent).lookingAt()) {
                return true;
            }
        }
        for (Guarded g : guarded) {
            if (userAgent.contains(g.literal()) && g.pattern().matcher(userAgent).find()) {
                return true;
            }
        }
        return expressions.matcher(userAgent).find();
    }

    /** An expression tried only when the text it must contain is there: far cheaper than running it everywhere. */
    private record Guarded(String literal, Pattern pattern) {
    }

    /**
     * The longest plain text an expression cannot match without (outside its groups and classes, without the
     * characters a quantifier makes optional), when at least three characters long; null otherwise.
     */
    static String guard(String pattern) {
        if (alternatives(pattern).size() > 1) {
            return null;
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            Character literalChar = null;
            int next = i + 1;
            if (inClass) {
                if (c == '\\') {
                    i++;
                } else if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '\\') {
                if (i + 1 < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                    literalChar = pattern.charAt(i + 1);
                }
                next = i + 2;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (".*+?{}|^$".indexOf(c) < 0) {
                literalChar = c;
            }
            boolean optional = next < pattern.length() && "?*{".indexOf(pattern.charAt(next)) >= 0;
            if (literalChar != null && depth == 0 && !optional) {
                run.append(literalChar.charValue());
            } else {
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
            i = next - 1;
        }
        if (run.length() > best.length()) {
            best = run.toString();
        }
        return best.length() >= 3 ? best : null;
    }

    /** The top-level alternatives of an expression ("A|B" is A and B); the expression itself when it has none. */
    static List<String> alternatives(String pattern) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(pattern.substring(start));
        return parts.stream().anyMatch(String::isEmpty) ? List.of(pattern) : parts;
    }

    /** The pattern as plain text when it has no regular-expression syntax besides escaped punctuation; else null. */
    static String literal(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length() || Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                    return null;
                }
                out.append(pattern.charAt(++i));
            } else if (".[]()*+?{}|^$".indexOf(c) >= 0) {
                return null;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Plain words, found anywhere in a text by walking the trie from each position. */
    private static final class Trie {
        private final Node root = new Node();

        void add(String word) {
            Node node = root;
            for (int i = 0; i < word.length(); i++) {
                node = node.children.computeIfAbsent(word.charAt(i), k -> new Node());
            }
            node.terminal = true;
        }

        boolean occursIn(String text) {
            for (int start = 0; start < text.length(); start++) {
                Node node = root;
                for (int i = start; i < text.length(); i++) {
                    node = node.children.get(text.charAt(i));
                    if (node == null) {
                        break;
                    }
                    if (node.terminal) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static final class Node {
            final Map<Character, Node> children = new HashMap<>(4);
            boolean terminal;
        }
    }
}
