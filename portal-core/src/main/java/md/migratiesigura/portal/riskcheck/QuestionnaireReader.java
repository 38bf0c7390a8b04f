package md.migratiesigura.portal.riskcheck;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.riskcheck.Questionnaire.AnswerOption;
import md.migratiesigura.portal.riskcheck.Questionnaire.Flag;
import md.migratiesigura.portal.riskcheck.Questionnaire.LocalText;
import md.migratiesigura.portal.riskcheck.Questionnaire.Question;
import md.migratiesigura.portal.riskcheck.Questionnaire.RegistryTexts;
import md.migratiesigura.portal.riskcheck.Questionnaire.Section;
import md.migratiesigura.portal.riskcheck.Questionnaire.TierText;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Walks the YAML nodes of one questionnaire file, failing at the first problem with its line: the structure, the
 * ids, the texts in both languages, and that every flag is raised by some answer or by the agency registry.
 */
final class QuestionnaireReader {

    /** Form fields of the check page; a question id must not take one of these names. */
    static final Set<String> RESERVED_IDS = Set.of("agency", "country", "check", "step", "print", "lang", "q");
    /** Flags the registry of licensed agencies raises, so they must exist even if no answer raises them. */
    static final List<String> REGISTRY_RULES = List.of("A1", "A2", "A4");
    static final int MAX_TEXT = 1000;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern RULE = Pattern.compile("[A-E][1-9]");
    private static final Pattern SECTION = Pattern.compile("[A-Z]");
    private static final Set<String> LANGUAGES = Set.of("ro", "ru");
    private static final Pattern INDICATOR = Pattern.compile("[a-z][a-z_]{0,59}");

    private final String file;
    private final Set<String> questionIds = new HashSet<>();

    QuestionnaireReader(String file) {
        this.file = file;
    }

    Questionnaire questionnaire(Node root) {
        Map<String, Node> top = mapping(root, "the file", Set.of("version", "indicators", "flags", "sections",
                "registry", "tiers", "checklist"), Set.of("version", "indicators", "flags", "sections", "registry",
                "tiers", "checklist"));
        int version = version(top.get("version"));
        Map<String, LocalText> indicators = indicators(top.get("indicators"));
        Map<String, Flag> flags = flags(top.get("flags"), indicators);
        Map<String, Node> ruleNodes = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        Set<String> sectionIds = new HashSet<>();
        for (Node node : sequence(top.get("sections"), "sections")) {
            Section section = section(node, flags, ruleNodes);
            if (!sectionIds.add(section.id())) {
                throw error(node, "section '" + section.id() + "' appears twice");
            }
            sections.add(section);
        }
        if (sections.isEmpty()) {
            throw error(top.get("sections"), "there must be at least one section");
        }
        for (Flag flag : flags.values()) {
            if (!ruleNodes.containsKey(flag.rule()) && !REGISTRY_RULES.contains(flag.rule())) {
                throw error(top.get("flags"), "flag " + flag.rule() + " is not raised by any option: add it to "
                        + "an option's rules, or remove the flag");
            }
        }
        RegistryTexts registry = registry(top.get("registry"));
        Map<Tier, TierText> tiers = tiers(top.get("tiers"));
        List<LocalText> checklist = new ArrayList<>();
        for (Node item : sequence(top.get("checklist"), "checklist")) {
            checklist.add(localText(item, "checklist item"));
        }
        if (checklist.isEmpty()) {
            throw error(top.get("checklist"), "the checklist must have at least one item");
        }
        return new Questionnaire(version, sections, indicators, flags, registry, tiers, checklist);
    }

    private int version(Node node) {
        String text = scalar(node, "version");
        if (!text.matches("[1-9][0-9]{0,8}")) {
            throw error(node, "version must be a whole number such as 3, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private Map<String, LocalText> indicators(Node node) {
        Map<String, LocalText> indicators = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : mapping(node, "indicators", null, Set.of()).entrySet()) {
            if (!INDICATOR.matcher(e.getKey()).matches()) {
                throw error(e.getValue(), "indicator key '" + e.getKey() + "' must be lowercase words joined by '_'");
            }
            indicators.put(e.getKey(), localText(e.getValue(), "indicator '" + e.getKey() + "'"));
        }
        return indicators;
    }

    private Map<String, Flag> flags(Node node, Map<String, LocalText> indicators) {
        Map<String, Flag> flags = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : mapping(node, "flags", null, Set.of()).entrySet()) {
            String rule = e.getKey();
            String what = "flag " + rule;
            if (!RULE.matcher(rule).matches()) {
                throw error(e.getValue(), "flag id '" + rule + "' must be a letter A-E and a digit, as in the reference (A1, E6)");
            }
            Map<String, Node> f = mapping(e.getValue(), what, Set.of("severity", "indicator", "ro", "ru"),
                    Set.of("severity", "indicator", "ro", "ru"));
            Severity severity;
            try {
                severity = Severity.valueOf(scalar(f.get("severity"), what + " severity"));
            } catch (IllegalArgumentException ex) {
                throw error(f.get("severity"), what + ": severity must be HIGH, MED or LOW");
            }
            String indicator = scalar(f.get("indicator"), what + " indicator");
            if (!indicators.containsKey(indicator)) {
                throw error(f.get("indicator"), what + ": unknown indicator '" + indicator + "' (the indicators are "
                        + "listed under 'indicators:')");
            }
            Map<String, LocalText> texts = translated(f, what, Set.of("title", "advice"));
            flags.put(rule, new Flag(rule, severity, indicator, texts.get("title"), texts.get("advice")));
        }
        for (String rule : REGISTRY_RULES) {
            if (!flags.containsKey(rule)) {
                throw error(node, "flag " + rule + " is required: the check of the agency registry raises it");
            }
        }
        return flags;
    }

    private Section section(Node node, Map<String, Flag> flags, Map<String, Node> ruleNodes) {
        Map<String, Node> s = mapping(node, "a section", Set.of("id", "ro", "ru", "questions"),
                Set.of("id", "ro", "ru", "questions"));
        String id = scalar(s.get("id"), "section id");
        if (!SECTION.matcher(id).matches()) {
            throw error(s.get("id"), "section id '" + id + "' must be one capital letter (A to E in the reference)");
        }
        String what = "section " + id;
        LocalText title = new LocalText(text(s.get("ro"), what + " (ro)"), text(s.get("ru"), what + " (ru)"));
        List<Question> questions = new ArrayList<>();
        for (Node q : sequence(s.get("questions"), what + " questions")) {
            questions.add(question(q, flags, ruleNodes));
        }
        if (questions.isEmpty()) {
            throw error(s.get("questions"), what + " has no question");
        }
        return new Section(id, title, questions);
    }

    private Question question(Node node, Map<String, Flag> flags, Map<String, Node> ruleNodes) {
        Map<String, Node> q = mapping(node, "a question", Set.of("id", "ro", "ru", "options"),
                Set.of("id", "ro", "ru", "options"));
        String id = id(q.get("id"), "question id");
        String what = "question '" + id + "'";
        if (RESERVED_IDS.contains(id)) {
            throw error(q.get("id"), what + ": this id is a field of the check page; choose another");
        }
        if (!questionIds.add(id)) {
            throw error(q.get("id"), what + " appears twice: question ids must be unique");
        }
        Map<String, LocalText> texts = translated(q, what, Set.of("text", "help"));
        List<AnswerOption> options = new ArrayList<>();
        Set<String> optionIds = new HashSet<>();
        for (Node o : sequence(q.get("options"), what + " options")) {
            AnswerOption option = option(o, what, flags, ruleNodes);
            if (!optionIds.add(option.id())) {
                throw error(o, what + ": option '" + option.id() + "' appears twice");
            }
            options.add(option);
        }
        if (options.size() < 2) {
            throw error(q.get("options"), what + " needs at least two options");
        }
        return new Question(id, texts.get("text"), texts.get("help"), options);
    }

    private AnswerOption option(Node node, String question, Map<String, Flag> flags, Map<String, Node> ruleNodes) {
        Map<String, Node> o = mapping(node, question + ", an option", Set.of("id", "ro", "ru", "rules", "unsure"),
                Set.of("id", "ro", "ru"));
        String id = id(o.get("id"), question + ", option id");
        String what = question + ", option '" + id + "'";
        LocalText text = new LocalText(text(o.get("ro"), what + " (ro)"), text(o.get("ru"), what + " (ru)"));
        List<String> rules = new ArrayList<>();
        if (o.containsKey("rules")) {
            for (Node r : sequence(o.get("rules"), what + " rules")) {
                String rule = scalar(r, what + " rule");
                if (!flags.containsKey(rule)) {
                    throw error(r, what + ": unknown rule '" + rule + "' (the rules are the flags defined under 'flags:')");
                }
                if (rules.contains(rule)) {
                    throw error(r, what + ": rule " + rule + " is listed twice");
                }
                rules.add(rule);
                ruleNodes.putIfAbsent(rule, r);
            }
        }
        boolean unsure = false;
        if (o.containsKey("unsure")) {
            String value = scalar(o.get("unsure"), what + " unsure");
            if (!value.equals("true") && !value.equals("false")) {
                throw error(o.get("unsure"), what + ": unsure must be true or false");
            }
            unsure = value.equals("true");
        }
        return new AnswerOption(id, text, rules, unsure);
    }

    private RegistryTexts registry(Node node) {
        List<String> keys = List.of("agency", "agency_help", "country", "country_help", "found", "not_found",
                "ambiguous", "expired", "country_not_covered", "country_unknown", "registry_empty");
        Map<String, Node> r = mapping(node, "registry", Set.copyOf(keys), Set.copyOf(keys));
        List<LocalText> texts = keys.stream().map(k -> localText(r.get(k), "registry " + k)).toList();
        return new RegistryTexts(texts.get(0), texts.get(1), texts.get(2), texts.get(3), texts.get(4),
                texts.get(5), texts.get(6), texts.get(7), texts.get(8), texts.get(9), texts.get(10));
    }

    private Map<Tier, TierText> tiers(Node node) {
        Map<String, Node> t = mapping(node, "tiers", Set.of("high", "caution", "none"), Set.of("high", "caution", "none"));
        Map<Tier, TierText> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String what = "tier " + tier.code();
            Map<String, LocalText> texts = translated(mapping(t.get(tier.code()), what, LANGUAGES, LANGUAGES), what,
                    Set.of("title", "text"));
            tiers.put(tier, new TierText(texts.get("title"), texts.get("text")));
        }
        return tiers;
    }

    private LocalText localText(Node node, String what) {
        Map<String, Node> m = mapping(node, what, LANGUAGES, LANGUAGES);
        return new LocalText(text(m.get("ro"), what + " (ro)"), text(m.get("ru"), what + " (ru)"));
    }

    /** Fields written once per language, as in {@code ro: {title: …, advice: …}} and {@code ru: {…}}. */
    private Map<String, LocalText> translated(Map<String, Node> parent, String what, Set<String> fields) {
        Map<String, Node> ro = mapping(parent.get("ro"), what + " (ro)", fields, fields);
        Map<String, Node> ru = mapping(parent.get("ru"), what + " (ru)", fields, fields);
        Map<String, LocalText> texts = new HashMap<>();
        for (String field : fields) {
            texts.put(field, new LocalText(text(ro.get(field), what + " " + field + " (ro)"),
                    text(ru.get(field), what + " " + field + " (ru)")));
        }
        return texts;
    }

    /**
     * The entries of a mapping, refusing duplicate keys, keys outside {@code allowed} (null allows any) and
     * missing {@code required} keys, each at its own line.
     */
    private Map<String, Node> mapping(Node node, String what, Set<String> allowed, Set<String> required) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping of 'name: value' lines");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), what + " key");
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), what + ": unknown field '" + key + "' (expected "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (entries.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), what + ": '" + key + "' appears twice");
            }
        }
        for (String key : required.stream().sorted().toList()) {
            if (!entries.containsKey(key)) {
                String hint = key.equals("ro") || key.equals("ru") ? " (every text needs Romanian and Russian)" : "";
                throw error(node, what + ": '" + key + "' is missing" + hint);
            }
        }
        return entries;
    }

    private List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode list)) {
            throw error(node, what + " must be a list of '- ' items");
        }
        return list.getValue();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue().strip();
    }

    private String id(Node node, String what) {
        String id = scalar(node, what);
        if (!ID.matcher(id).matches()) {
            throw error(node, what + " '" + id + "' must be lowercase ASCII letters, digits and '_', starting "
                    + "with a letter, at most 40 characters");
        }
        return id;
    }

    private String text(Node node, String what) {
        if (node == null) {
            throw new QuestionnaireException(file, 0, what + " is missing");
        }
        String text = scalar(node, what).replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw error(node, what + " is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw error(node, what + " is longer than " + MAX_TEXT + " characters");
        }
        try {
            TextRules.requireCleanText(what, text, false);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
        return text;
    }

    private QuestionnaireException error(Node node, String reason) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new QuestionnaireException(file, line, reason);
    }
}
