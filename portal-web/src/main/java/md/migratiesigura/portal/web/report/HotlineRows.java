package md.migratiesigura.portal.web.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import md.migratiesigura.portal.agency.Countries;
import md.migratiesigura.portal.report.HotlineFigures;

/**
 * The hotline's figures as the report's page, PDF and CSV all list them, in the factsheet's order, so that the three
 * show the same numbers under the same words. An unknown figure (an entered year) is left out.
 */
public final class HotlineRows {

    /** One line: the figure's name, its value, and a detail (countries, citizenships, forms) or empty. */
    public record Row(String name, long value, String detail) implements Serializable {
    }

    /** The monthly table's columns: key of the header, and the figure of a month. */
    static final List<Column> COLUMNS = List.of(
            new Column("report.hotline.calls", HotlineFigures.Tally::calls),
            new Column("report.hotline.kind.israel-programme", t -> t.kind("israel-programme")),
            new Column("report.hotline.kind.prevention", t -> t.kind("prevention")),
            new Column("report.hotline.referred", HotlineFigures.Tally::referred),
            new Column("report.hotline.sos", HotlineFigures.Tally::sos),
            new Column("report.hotline.persons", HotlineFigures.Tally::persons),
            new Column("report.hotline.consultations", HotlineFigures.Tally::consultations),
            new Column("report.hotline.chats", HotlineFigures.Tally::chats));

    /** A column of the monthly table. */
    record Column(String key, SerializableFigure figure) implements Serializable {
    }

    /** A figure of a tally, as a serializable function for the page's models. */
    @FunctionalInterface
    interface SerializableFigure extends Function<HotlineFigures.Tally, Long>, Serializable {
    }

    private HotlineRows() {
    }

    /** The year's figures, in the factsheet's order: the calls, the SOS cases, the consultations. */
    public static List<Row> year(HotlineFigures hotline, ReportTexts t) {
        List<Row> rows = new ArrayList<>(calls(hotline, t));
        rows.addAll(sosCases(hotline, t));
        rows.addAll(consultations(hotline, t));
        return rows;
    }

    /** The factsheet's calls by kind: all calls, Moldova–Israel, prevention, referred, SOS. */
    public static List<Row> calls(HotlineFigures hotline, ReportTexts t) {
        HotlineFigures.Tally y = hotline.year();
        List<Row> rows = new ArrayList<>();
        add(rows, t.get("report.hotline.calls"), y.calls(), "");
        for (String kind : List.of("israel-programme", "prevention")) {
            add(rows, t.get("report.hotline.kind." + kind), y.kind(kind), "");
        }
        add(rows, t.get("report.hotline.referred"), y.referred(), "");
        add(rows, t.get("report.hotline.sos"), y.sos(), "");
        return rows;
    }

    /** The SOS calls' cases: the persons concerned, the presumed victims by group, the other kinds of case. */
    public static List<Row> sosCases(HotlineFigures hotline, ReportTexts t) {
        HotlineFigures.Tally y = hotline.year();
        List<Row> rows = new ArrayList<>();
        add(rows, t.get("report.hotline.persons"), y.persons(), "");
        if (hotline.fromRegister()) {
            for (String group : HotlineFigures.GROUPS) {
                HotlineFigures.Group g = y.presumedVictims().get(group);
                add(rows, t.get("report.hotline.group." + group), g.persons(), detail(g.byCitizenship(), g.byCountry(),
                        g.byExploitation(), t));
            }
            for (String caseType : HotlineFigures.CASES.subList(1, HotlineFigures.CASES.size())) {
                add(rows, t.get("report.hotline.case." + caseType), y.byCase().get(caseType), "");
            }
        }
        return rows;
    }

    /** The online consultations the counsellors recorded, and the chats. */
    public static List<Row> consultations(HotlineFigures hotline, ReportTexts t) {
        HotlineFigures.Tally y = hotline.year();
        List<Row> rows = new ArrayList<>();
        add(rows, t.get("report.hotline.consultations"), y.consultations(), "");
        add(rows, t.get("report.hotline.safeMigration"), y.safeMigration(), "");
        add(rows, t.get("report.hotline.sosConsultations"), y.sosConsultations(), "");
        add(rows, t.get("report.hotline.sosConsultationCases"), y.sosConsultationCases(), "");
        add(rows, t.get("report.hotline.chats"), y.chats(), "");
        return rows;
    }

    /** The words that say where the figures come from. */
    public static String source(HotlineFigures hotline, ReportTexts t) {
        return t.get("report.hotline.source." + hotline.source().code());
    }

    static void add(List<Row> rows, String name, Long value, String detail) {
        if (value != null) {
            rows.add(new Row(name, value, detail));
        }
    }

    private static String detail(Map<String, Long> citizenship, Map<String, Long> countries,
                                 Map<String, Long> exploitation, ReportTexts t) {
        List<String> parts = new ArrayList<>();
        if (!citizenship.isEmpty()) {
            parts.add(t.get("report.hotline.citizenship") + " " + names(citizenship, t));
        }
        if (!countries.isEmpty()) {
            parts.add(t.get("report.hotline.country") + " " + names(countries, t));
        }
        if (!exploitation.isEmpty()) {
            parts.add(t.get("report.hotline.exploitation") + " " + exploitation.keySet().stream()
                    .map(e -> t.get("report.hotline.exploitation." + e)).collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    private static String names(Map<String, Long> byCountry, ReportTexts t) {
        return byCountry.entrySet().stream()
                .map(e -> Countries.name(e.getKey(), t.language()) + " (" + t.number(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }
}
