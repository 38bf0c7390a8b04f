package md.migratiesigura.portal.web.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.ChatFigures;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.HotlineFigures;
import md.migratiesigura.portal.report.MaterialFigures;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.report.YearFigures;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiException;
import md.migratiesigura.portal.web.api.ApiRequest;

/**
 * {@code GET /api/v1/report/{year}} (spec §5): the computed figures at any time; the administrator's figures and
 * texts ({@code "entered"}, an addition to the contract) only once the year is published, else {@code null}.
 */
public class ReportEndpoint implements ApiEndpoint {

    private final ReportService reports;
    private final IntFunction<MaterialFigures> materials;

    public ReportEndpoint(ReportService reports) {
        this(reports, MaterialFigures::none);
    }

    /** With the information materials' downloads of a year, shown beside the materials handed out at events. */
    public ReportEndpoint(ReportService reports, IntFunction<MaterialFigures> materials) {
        this.reports = reports;
        this.materials = materials;
    }

    @Override
    public Object handle(ApiRequest request) {
        String segment = request.lastSegment();
        if (!segment.matches("\\d{4}")) {
            throw new ApiException(404, "no such report: the year must be four digits");
        }
        int year = Integer.parseInt(segment);
        if (!reports.isReportYear(year)) {
            throw new ApiException(404, "no report for " + year + ": years " + ReportService.FIRST_YEAR + " to "
                    + reports.currentYear());
        }
        AnnualReport r = reports.report(year);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", r.year());
        body.put("months", r.months().stream().map(m -> new Month(m.month(), m.visits(), m.uniqueVisitors(),
                m.pageviews(), m.entered())).toList());
        body.put("totals", Map.of("visits", r.totals().visits(), "uniqueVisitors", r.totals().uniqueVisitors(),
                "pageviews", r.totals().pageviews()));
        body.put("articlesPublished", r.articlesPublished());
        body.put("events", Map.of("byType", new TreeMap<>(r.events().byType()),
                "participants", r.events().participants(), "materials", r.events().materials()));
        body.put("materials", MaterialDownloadRows.json(materials.apply(year)));
        body.put("riskChecks", Map.of("total", r.riskChecks().total(), "byTier", new TreeMap<>(r.riskChecks().byTier()),
                "topFlags", r.riskChecks().topFlags()));
        body.put("consultations", Map.of("total", r.consultations().total(), "sos", r.consultations().sos()));
        body.put("entered", r.isPublished() ? entered(r.entered()) : null);
        body.put("hotline", hotline(r.hotline()));
        body.put("chat", chat(r.chat()));
        return body;
    }

    /**
     * The live chat's year: {@code total} and {@code byLanguage} ({@code offered, answered, abandoned, turnedAway,
     * sos, averageMinutes}: how long an answered chat lasted, null without answered chats) and twelve {@code months}
     * with the same and the waits of answered readers ({@code medianWait}, {@code p90Wait}, minutes, null without
     * answered chats).
     */
    static Map<String, Object> chat(ChatFigures chat) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", counts(chat.total()));
        Map<String, Object> byLanguage = new TreeMap<>();
        chat.byLanguage().forEach((language, c) -> byLanguage.put(language, counts(c)));
        body.put("byLanguage", byLanguage);
        body.put("months", chat.months().stream().map(m -> {
            Map<String, Object> month = new LinkedHashMap<>();
            month.put("month", m.month());
            month.putAll(counts(m.counts()));
            month.put("medianWait", m.medianWait());
            month.put("p90Wait", m.p90Wait());
            return month;
        }).toList());
        return body;
    }

    private static Map<String, Object> counts(ChatFigures.Counts c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offered", c.offered());
        body.put("answered", c.answered());
        body.put("abandoned", c.abandoned());
        body.put("turnedAway", c.turnedAway());
        body.put("sos", c.sos());
        body.put("averageMinutes", c.averageMinutes());
        return body;
    }

    /**
     * As docs/api.md says: {@code source, calls, byKind, referred, sos, persons, byCountry, byExploitation, chats}, and
     * the other figures of the factsheet; from the register also the months. Unknown figures (an entered year) are
     * null.
     */
    static Map<String, Object> hotline(HotlineFigures hotline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", hotline.source().code());
        body.putAll(tally(hotline.year()));
        if (hotline.fromRegister()) {
            List<Map<String, Object>> months = new ArrayList<>();
            for (int m = 1; m <= hotline.months().size(); m++) {
                Map<String, Object> month = new LinkedHashMap<>();
                month.put("month", m);
                month.putAll(tally(hotline.months().get(m - 1)));
                months.add(month);
            }
            body.put("months", months);
        }
        return body;
    }

    private static Map<String, Object> tally(HotlineFigures.Tally t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("calls", t.calls());
        body.put("byKind", t.byKind());
        body.put("referred", t.referred());
        body.put("sos", t.sos());
        body.put("persons", t.persons());
        body.put("byCase", t.byCase());
        body.put("presumedVictims", t.presumedVictims());
        body.put("byCitizenship", t.byCitizenship());
        body.put("byCountry", t.byCountry());
        body.put("byExploitation", t.byExploitation());
        body.put("consultations", t.consultations());
        body.put("safeMigrationConsultations", t.safeMigration());
        body.put("sosConsultations", t.sosConsultations());
        body.put("sosConsultationCases", t.sosConsultationCases());
        body.put("chats", t.chats());
        return body;
    }

    private static Map<String, Object> entered(YearFigures figures) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Figure f : Figure.values()) {
            values.put(camel(f.column()), figures.value(f));
        }
        Map<String, Object> texts = new LinkedHashMap<>();
        for (Figure.Section section : Figure.Section.values()) {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (Language language : Language.values()) {
                String text = figures.text(section, language);
                if (text != null) {
                    byLanguage.put(language.code(), text);
                }
            }
            if (!byLanguage.isEmpty()) {
                texts.put(section.key(), byLanguage);
            }
        }
        return Map.of("figures", values, "texts", texts);
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** One month of the contract: {@code month, visits, uniqueVisitors, pageviews}, and whether it was entered. */
    record Month(int month, long visits, long uniqueVisitors, long pageviews, boolean entered) {
    }

}
