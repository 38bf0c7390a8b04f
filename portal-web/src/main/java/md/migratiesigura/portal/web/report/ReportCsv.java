package md.migratiesigura.portal.web.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.ChatFigures;
import md.migratiesigura.portal.report.EventFigures;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.HotlineFigures;
import md.migratiesigura.portal.report.RiskCheckFigures;

/**
 * The report's tables as CSV for Excel and LibreOffice as set up in Moldova: UTF-8 with a byte-order mark (else
 * Excel reads Romanian and Cyrillic letters as Latin-1), {@code ;} between cells (the comma is the decimal
 * separator there), CRLF line ends, plain digits without thousands separators, headers in the page's language.
 */
public final class ReportCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportCsv() {
    }

    /** The rows of a table (header first); null when the report has no such table. */
    public static List<List<String>> rows(AnnualReport report, String table, ReportTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        switch (table) {
            case "months" -> {
                rows.add(List.of(texts.get("report.month"), texts.get("report.visits"), texts.get("report.uniqueVisitors"),
                        texts.get("report.pageviews"), texts.get("report.csv.entered")));
                for (AnnualReport.MonthFigures m : report.months()) {
                    rows.add(List.of(report.year() + "-" + (m.month() < 10 ? "0" : "") + m.month(), num(m.visits()),
                            num(m.uniqueVisitors()), num(m.pageviews()), texts.get(m.entered() ? "report.csv.yes" : "report.csv.no")));
                }
                rows.add(List.of(texts.get("report.total"), num(report.totals().visits()),
                        num(report.totals().uniqueVisitors()), num(report.totals().pageviews()), ""));
            }
            case "summary" -> {
                rows.add(List.of(texts.get("report.csv.indicator"), texts.get("report.csv.value")));
                rows.add(List.of(texts.get("report.visits"), num(report.totals().visits())));
                rows.add(List.of(texts.get("report.uniqueVisitors"), num(report.totals().uniqueVisitors())));
                rows.add(List.of(texts.get("report.pageviews"), num(report.totals().pageviews())));
                rows.add(List.of(texts.get("report.articles"), num(report.articlesPublished())));
                rows.add(List.of(texts.get("report.consultations.total"), num(report.consultations().total())));
                rows.add(List.of(texts.get("report.consultations.sos"), num(report.consultations().sos())));
                rows.add(List.of(texts.get("report.events.participants"), num(report.events().participants())));
                rows.add(List.of(texts.get("report.events.materials"), num(report.events().materials())));
                rows.add(List.of(texts.get("report.riskChecks.total"), num(report.riskChecks().total())));
            }
            case "events" -> {
                rows.add(List.of(texts.get("report.events.type"), texts.get("report.count")));
                for (String type : EventFigures.TYPES) {
                    rows.add(List.of(texts.eventType(type), num(report.events().count(type))));
                }
            }
            case "risk-checks" -> {
                rows.add(List.of(texts.get("report.riskChecks.tier"), texts.get("report.count")));
                for (String tier : RiskCheckFigures.TIERS) {
                    rows.add(List.of(texts.tier(tier), num(report.riskChecks().count(tier))));
                }
                for (RiskCheckFigures.FlagCount flag : report.riskChecks().topFlags()) {
                    rows.add(List.of(flag.rule(), num(flag.count())));
                }
            }
            case "figures" -> {
                if (!report.isPublished()) {
                    return null;
                }
                rows.add(List.of(texts.get("report.csv.section"), texts.get("report.csv.indicator"), texts.get("report.csv.value")));
                for (Figure f : Figure.values()) {
                    Long value = report.entered().value(f);
                    if (value != null) {
                        rows.add(List.of(texts.section(f.section()), texts.figure(f), num(value)));
                    }
                }
            }
            case "hotline" -> {
                HotlineFigures hotline = report.hotline();
                List<HotlineRows.Row> year = HotlineRows.year(hotline, texts);
                if (year.isEmpty()) {
                    return null;
                }
                rows.add(List.of(texts.get("report.csv.indicator"), texts.get("report.csv.value"),
                        texts.get("report.hotline.csv.detail")));
                year.forEach(r -> rows.add(List.of(r.name(), num(r.value()), r.detail())));
                rows.add(List.of(texts.get("report.hotline.csv.source"), HotlineRows.source(hotline, texts), ""));
                if (hotline.fromRegister()) {
                    List<String> header = new ArrayList<>(List.of(texts.get("report.month")));
                    HotlineRows.COLUMNS.forEach(c -> header.add(texts.get(c.key())));
                    rows.add(header);
                    for (int m = 1; m <= hotline.months().size(); m++) {
                        List<String> row = new ArrayList<>(List.of(report.year() + "-" + (m < 10 ? "0" : "") + m));
                        HotlineFigures.Tally tally = hotline.months().get(m - 1);
                        HotlineRows.COLUMNS.forEach(c -> row.add(num(c.figure().apply(tally))));
                        rows.add(row);
                    }
                }
            }
            case "chat" -> {
                ChatFigures chat = report.chat();
                if (chat.isEmpty()) {
                    return null;
                }
                List<String> header = new ArrayList<>(List.of(texts.get("report.month")));
                for (String key : ChatPanel.COLUMNS) {
                    header.add(texts.get("report.chat." + key));
                }
                rows.add(header);
                for (ChatFigures.Month m : chat.months()) {
                    List<String> row = new ArrayList<>(List.of(report.year() + "-" + (m.month() < 10 ? "0" : "") + m.month()));
                    ChatPanel.cells(m.counts()).forEach(n -> row.add(num(n)));
                    row.addAll(List.of(minutes(m.medianWait()), minutes(m.p90Wait()),
                            minutes(m.counts().averageMinutes())));
                    rows.add(row);
                }
                List<String> total = new ArrayList<>(List.of(texts.get("report.total")));
                ChatPanel.cells(chat.total()).forEach(n -> total.add(num(n)));
                total.addAll(List.of("", "", minutes(chat.total().averageMinutes())));
                rows.add(total);
                chat.byLanguage().forEach((language, counts) -> {
                    List<String> row = new ArrayList<>(List.of(texts.get("report.csv.chat.language") + ": " + language));
                    ChatPanel.cells(counts).forEach(n -> row.add(num(n)));
                    row.addAll(List.of("", "", minutes(counts.averageMinutes())));
                    rows.add(row);
                });
            }
            default -> {
                return null;
            }
        }
        return rows;
    }

    /** The table as the bytes of a CSV file (with its byte-order mark). */
    public static byte[] bytes(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(';');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(text, 0, file, BOM.length, text.length);
        return file;
    }

    /** Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String num(long value) {
        return Long.toString(value);
    }

    /** Minutes, or an empty cell when there is no figure (a month without answered chats). */
    private static String minutes(Integer value) {
        return value == null ? "" : num(value);
    }
}
