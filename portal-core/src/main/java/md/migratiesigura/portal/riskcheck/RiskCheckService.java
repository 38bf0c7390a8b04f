package md.migratiesigura.portal.riskcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.agency.AgencyView;
import md.migratiesigura.portal.agency.Countries;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.riskcheck.Questionnaire.AnswerOption;
import md.migratiesigura.portal.riskcheck.Questionnaire.Flag;
import md.migratiesigura.portal.riskcheck.Questionnaire.LocalText;
import md.migratiesigura.portal.riskcheck.Questionnaire.Question;
import md.migratiesigura.portal.riskcheck.Questionnaire.RegistryTexts;
import md.migratiesigura.portal.riskcheck.Questionnaire.TierText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job-offer check: the questionnaire in use, and the engine that turns answers into an explained result. The
 * same engine serves the page and the API. Answers are never stored or logged; a check the person submits adds one
 * to the anonymous monthly counts of its tier and of each flag it raised, and nothing else.
 */
public class RiskCheckService {

    private static final Logger log = LoggerFactory.getLogger(RiskCheckService.class);

    /** Longest agency name or country accepted as typed. */
    public static final int MAX_INPUT = 200;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(agency|country|date)}");

    private final AtomicReference<Questionnaire> current;
    private final Supplier<Questionnaire> source;
    private final AgencyService agencies;
    private final RiskCheckCounts counts;
    private final Clock clock;

    /**
     * @param initial the questionnaire to use from the start
     * @param source  reads the questionnaire file again for {@link #reload()}; throws when it is invalid
     */
    public RiskCheckService(Questionnaire initial, Supplier<Questionnaire> source, AgencyService agencies,
                            RiskCheckCounts counts, Clock clock) {
        this.current = new AtomicReference<>(initial);
        this.source = source;
        this.agencies = agencies;
        this.counts = counts;
        this.clock = clock;
    }

    /** The questionnaire in use. */
    public Questionnaire questionnaire() {
        return current.get();
    }

    /**
     * Reads the questionnaire file again and uses it from now on. When the file is invalid the exception (naming
     * the line and the reason) is thrown and the questionnaire in use stays as it was.
     */
    public Questionnaire reload() {
        Questionnaire loaded = source.get();
        current.set(loaded);
        log.info("Job-offer check: questionnaire version {} loaded", loaded.version());
        return loaded;
    }

    /**
     * The result for a set of answers, counted in nothing: for showing a result again (another language, print).
     *
     * @param answers question id to option id; questions may be left out
     * @param agency  an agency name or IDNO, checked against the registry (flags A1, A4, and A2 with the country)
     * @param country the destination country, checked against the agency's licence
     * @throws InvalidAnswerException naming the unknown question or option, or the over-long input
     */
    public RiskCheckResult evaluate(Language language, Map<String, String> answers, Optional<String> agency,
                                    Optional<String> country) {
        Questionnaire questionnaire = current.get();
        requireKnown(questionnaire, answers);
        Optional<String> agencyTyped = typed(agency, "agency");
        Optional<String> countryTyped = typed(country, "country");

        Map<String, List<String>> raised = new LinkedHashMap<>();
        List<String> unsure = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            String chosen = answers.get(question.id());
            if (chosen == null) {
                unanswered.add(question.id());
                continue;
            }
            AnswerOption option = question.option(chosen).orElseThrow();
            for (String rule : option.rules()) {
                raise(raised, rule, question.text().in(language) + " — " + option.text().in(language));
            }
            if (option.unsure()) {
                unsure.add(question.text().in(language));
            }
        }
        List<String> notes = new ArrayList<>();
        agencyTyped.ifPresent(name -> checkRegistry(questionnaire.registry(), language, name, countryTyped, raised, notes));

        List<String> order = List.copyOf(questionnaire.flags().keySet());
        List<RiskCheckResult.RaisedFlag> flags = raised.entrySet().stream()
                .map(e -> raisedFlag(questionnaire, language, e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(RiskCheckResult.RaisedFlag::severity)
                        .thenComparing(f -> order.indexOf(f.rule())))
                .toList();
        Tier tier = Tier.of(flags.stream().map(RiskCheckResult.RaisedFlag::severity).toList());
        TierText text = questionnaire.tiers().get(tier);
        return new RiskCheckResult(language, questionnaire.version(), tier, text.title().in(language),
                text.text().in(language), flags, notes, unsure, unanswered, RiskCheckResult.HOTLINE);
    }

    /** {@link #evaluate} for a check the person submitted: its tier and flags are added to this month's counts. */
    public RiskCheckResult check(Language language, Map<String, String> answers, Optional<String> agency,
                                 Optional<String> country) {
        RiskCheckResult result = evaluate(language, answers, agency, country);
        try {
            counts.add(YearMonth.now(clock.withZone(PortalTime.ZONE)), result.tier(), result.rules());
        } catch (RuntimeException e) {
            // The person still gets the result; the statistic misses one. Nothing about the check is logged.
            log.warn("A job-offer check could not be counted: {}", e.getClass().getSimpleName());
        }
        return result;
    }

    /** The anonymous counts of a year, month by month (months without checks are left out). */
    public List<MonthlyRiskChecks> monthlyCounts(int year) {
        return counts.year(year);
    }

    private static void requireKnown(Questionnaire questionnaire, Map<String, String> answers) {
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            Question question = questionnaire.question(answer.getKey()).orElseThrow(() ->
                    new InvalidAnswerException("unknown question '" + clip(answer.getKey()) + "'"));
            if (answer.getValue() == null || question.option(answer.getValue()).isEmpty()) {
                throw new InvalidAnswerException("question '" + question.id() + "' has no option '"
                        + clip(String.valueOf(answer.getValue())) + "'; its options are "
                        + String.join(", ", question.options().stream().map(AnswerOption::id).toList()));
            }
        }
    }

    private static Optional<String> typed(Optional<String> value, String name) {
        Optional<String> typed = value.map(String::strip).filter(v -> !v.isEmpty());
        if (typed.isPresent()) {
            if (typed.get().length() > MAX_INPUT) {
                throw new InvalidAnswerException(name + " must be at most " + MAX_INPUT + " characters");
            }
            try {
                TextRules.requireCleanText(name, typed.get(), false);
            } catch (IllegalArgumentException e) {
                throw new InvalidAnswerException(e.getMessage());
            }
        }
        return typed;
    }

    /** Flags A1 (not in the registry), A4 (licence expired) and A2 (country not on the licence) from the registry. */
    private void checkRegistry(RegistryTexts texts, Language language, String agency, Optional<String> country,
                               Map<String, List<String>> raised, List<String> notes) {
        if (agencies.count() == 0) {
            // Until editors import the official list, "not found" would be a false alarm.
            notes.add(fill(texts.registryEmpty(), language, agency, "", null));
            return;
        }
        List<AgencyView> matches = agencies.identify(agency);
        if (matches.isEmpty()) {
            raise(raised, "A1", fill(texts.notFound(), language, agency, "", null));
            return;
        }
        if (matches.size() > 1) {
            notes.add(fill(texts.ambiguous(), language, agency, "", null));
            return;
        }
        AgencyView found = matches.get(0);
        if (found.licenceValid()) {
            notes.add(fill(texts.found(), language, found.name(), "", found.validUntil()));
        } else {
            raise(raised, "A4", fill(texts.expired(), language, found.name(), "", found.validUntil()));
        }
        if (country.isPresent()) {
            Optional<String> code = Countries.resolve(country.get());
            if (code.isEmpty()) {
                notes.add(fill(texts.countryUnknown(), language, found.name(), country.get(), null));
            } else if (!found.covers(code.get())) {
                raise(raised, "A2", fill(texts.countryNotCovered(), language, found.name(),
                        Countries.name(code.get(), language), found.validUntil()));
            }
        }
    }

    private static String fill(LocalText template, Language language, String agency, String country, LocalDate date) {
        String when = date == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(date);
        Map<String, String> values = Map.of("agency", agency, "country", country, "date", when);
        return PLACEHOLDER.matcher(template.in(language)).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }

    private static void raise(Map<String, List<String>> raised, String rule, String because) {
        raised.computeIfAbsent(rule, r -> new ArrayList<>()).add(because);
    }

    private static RiskCheckResult.RaisedFlag raisedFlag(Questionnaire questionnaire, Language language, String rule,
                                                          List<String> raisedBy) {
        Flag flag = questionnaire.flags().get(rule);
        return new RiskCheckResult.RaisedFlag(rule, flag.severity(), flag.title().in(language),
                flag.advice().in(language), questionnaire.indicators().get(flag.indicator()).in(language), raisedBy);
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
