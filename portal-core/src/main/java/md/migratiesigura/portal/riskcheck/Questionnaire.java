package md.migratiesigura.portal.riskcheck;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;

/**
 * The job-offer check as the NGO wrote it in {@code content/risk-check/questionnaire.yml}: questions grouped in
 * sections, the red flags their answers raise, and the texts of the result. Loaded and checked by
 * {@code QuestionnaireLoader}; immutable.
 *
 * @param indicators the ILO forced-labour indicators by key ("deception")
 * @param flags      the red flags by rule id ("A1"), in file order
 */
public record Questionnaire(int version, List<Section> sections, Map<String, LocalText> indicators,
                            Map<String, Flag> flags, RegistryTexts registry, Map<Tier, TierText> tiers,
                            List<LocalText> checklist) implements Serializable {

    public Questionnaire {
        sections = List.copyOf(sections);
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        tiers = Map.copyOf(tiers);
        checklist = List.copyOf(checklist);
    }

    /** Every question, in order. */
    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<Question> question(String id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** A text in both languages. */
    public record LocalText(String ro, String ru) implements Serializable {
        public String in(Language language) {
            return language == Language.RO ? ro : ru;
        }
    }

    /** A group of questions: A the intermediary, B the contract, C visa and documents, D the offer, E recruitment. */
    public record Section(String id, LocalText title, List<Question> questions) implements Serializable {
        public Section {
            questions = List.copyOf(questions);
        }
    }

    /**
     * One question, answered by choosing one option.
     *
     * @param help the one-line "why we ask"
     */
    public record Question(String id, LocalText text, LocalText help, List<AnswerOption> options) implements Serializable {
        public Question {
            options = List.copyOf(options);
        }

        public Optional<AnswerOption> option(String id) {
            return options.stream().filter(o -> o.id().equals(id)).findFirst();
        }
    }

    /**
     * An answer to choose.
     *
     * @param rules  the red flags choosing it raises
     * @param unsure the person does not know yet: the result lists it as something to find out
     */
    public record AnswerOption(String id, LocalText text, List<String> rules, boolean unsure) implements Serializable {
        public AnswerOption {
            rules = List.copyOf(rules);
        }
    }

    /**
     * A red flag of the reference.
     *
     * @param indicator the key of the ILO indicator behind it
     * @param title     what was found, in a short sentence
     * @param advice    what to do now
     */
    public record Flag(String rule, Severity severity, String indicator, LocalText title, LocalText advice)
            implements Serializable {
    }

    /** How a tier is announced: a heading and a paragraph. */
    public record TierText(LocalText title, LocalText text) implements Serializable {
    }

    /**
     * The two free inputs checked against the registry of licensed agencies (shown with the first section) and the
     * sentences that report what the registry says. Messages use {agency}, {country} and {date}.
     */
    public record RegistryTexts(LocalText agencyLabel, LocalText agencyHelp, LocalText countryLabel,
                                LocalText countryHelp, LocalText found, LocalText notFound, LocalText ambiguous,
                                LocalText expired, LocalText countryNotCovered, LocalText countryUnknown,
                                LocalText registryEmpty) implements Serializable {
    }
}
