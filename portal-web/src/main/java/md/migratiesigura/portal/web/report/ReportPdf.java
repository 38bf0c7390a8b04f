package md.migratiesigura.portal.web.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.ChatFigures;
import md.migratiesigura.portal.report.FactsheetSection;
import md.migratiesigura.portal.report.RiskCheckFigures;

/**
 * The report as a PDF, made on the server by openhtmltopdf from a plain XHTML rendering of the same data as the
 * page, in the sections and order of the hotline's factsheet ({@link FactsheetSection}). DejaVu Sans is embedded (as a subset), so Romanian and Cyrillic letters print wherever it is opened; the
 * chart is drawn as bars of proportional width, which needs no SVG support in the renderer.
 */
public final class ReportPdf {

    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONT = "DejaVuSans.ttf";

    private ReportPdf() {
    }

    public static byte[] render(AnnualReport report, ReportTexts texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> ReportPdf.class.getResourceAsStream(FONT), FONT_FAMILY);
            builder.withHtmlContent(xhtml(report, texts), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String xhtml(AnnualReport r, ReportTexts t) {
        StringBuilder h = new StringBuilder(16_000);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(t.language().code()).append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(esc(t.title(r))).append("</title><style>")
                .append("@page { size: A4; margin: 18mm 16mm; }")
                .append("body { font-family: '").append(FONT_FAMILY).append("'; font-size: 10pt; color: #1b1f24; }")
                .append("h1 { font-size: 18pt; color: #0b4f8a; margin: 0 0 4pt; } h2 { font-size: 12.5pt; color: #0b4f8a; margin: 14pt 0 4pt; } h3 { font-size: 10.5pt; margin: 8pt 0 3pt; }")
                .append("table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.5pt solid #c9d2db; padding: 2.5pt 4pt; text-align: left; }")
                .append("td.n, th.n { text-align: right; } .bar { height: 5pt; } .v { background: #0b4f8a; } .u { background: #ffbf47; }")
                .append(".big { font-size: 15pt; font-weight: bold; } .meta { color: #4a5560; font-size: 8.5pt; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(t.title(r))).append("</h1><p>").append(esc(t.get("site.tagline")))
                .append(" · 0 800 77777</p>");
        // The sections of the hotline's factsheet, in its order, so that the PDF can be published as the factsheet.
        for (FactsheetSection section : FactsheetSection.values()) {
            h.append("<h2>").append(esc(t.get("report.factsheet." + section.key()))).append("</h2>");
            switch (section) {
                case SERVICE -> h.append("<p>").append(esc(t.get("report.factsheet.service.history"))).append("</p><p>")
                        .append(esc(t.get("report.factsheet.service.lines"))).append("</p>");
                case VISITS -> visits(h, r, t);
                case CALLS -> {
                    if (r.hotline().fromRegister() || r.isPublished()) {
                        h.append("<p class=\"meta\">").append(esc(HotlineRows.source(r.hotline(), t))).append("</p>");
                    }
                    rows(h, FactsheetRows.of(section, r, t), t);
                }
                case CHAT -> {
                    if (r.chat().isEmpty()) {
                        h.append("<p class=\"meta\">").append(esc(t.get("report.chat.none"))).append("</p>");
                    } else {
                        rows(h, FactsheetRows.of(section, r, t), t);
                        chatMonths(h, r.chat(), t);
                    }
                }
                case PREVENTION -> {
                    rows(h, FactsheetRows.of(section, r, t), t);
                    List<HotlineRows.Row> entered = FactsheetRows.preventionEntered(r, t);
                    if (!entered.isEmpty()) {
                        h.append("<h3>").append(esc(t.get("report.factsheet.prevention.entered"))).append("</h3>");
                        rows(h, entered, t);
                    }
                }
                case PARTNERS -> h.append("<p>").append(esc(t.get("report.factsheet.partners.text"))).append("</p>");
                default -> rows(h, FactsheetRows.of(section, r, t), t);
            }
            String summary = FactsheetRows.summary(section, r, t);
            if (summary != null) {
                h.append("<p>").append(esc(summary)).append("</p>");
            }
        }
        h.append("<h2>").append(esc(t.get("report.method.heading"))).append("</h2>");
        for (String part : List.of("pageview", "visitor", "visit", "unique", "entered")) {
            h.append("<p class=\"meta\">").append(esc(t.get("report.method." + part))).append("</p>");
        }
        h.append("</body></html>");
        return h.toString();
    }

    private static void visits(StringBuilder h, AnnualReport r, ReportTexts t) {
        h.append("<p><span class=\"big\">").append(t.number(r.totals().visits())).append("</span> ")
                .append(esc(t.get("report.visits.lower"))).append(" · <span class=\"big\">")
                .append(t.number(r.totals().uniqueVisitors())).append("</span> ")
                .append(esc(t.get("report.uniqueVisitors.lower"))).append("</p>");
        long max = Math.max(1, r.months().stream().mapToLong(AnnualReport.MonthFigures::visits).max().orElse(1));
        h.append("<table><tr><th>").append(esc(t.get("report.month"))).append("</th><th class=\"n\">")
                .append(esc(t.get("report.visits"))).append("</th><th class=\"n\">")
                .append(esc(t.get("report.uniqueVisitors"))).append("</th><th class=\"n\">")
                .append(esc(t.get("report.pageviews"))).append("</th><th style=\"width: 38%\"></th></tr>");
        for (AnnualReport.MonthFigures m : r.months()) {
            h.append("<tr><td>").append(esc(t.month(m.month()))).append(m.entered() ? " *" : "").append("</td><td class=\"n\">")
                    .append(t.number(m.visits())).append("</td><td class=\"n\">").append(t.number(m.uniqueVisitors()))
                    .append("</td><td class=\"n\">").append(t.number(m.pageviews())).append("</td><td>")
                    .append(bar("v", m.visits(), max)).append(bar("u", m.uniqueVisitors(), max)).append("</td></tr>");
        }
        h.append("<tr><th>").append(esc(t.get("report.total"))).append("</th><th class=\"n\">").append(t.number(r.totals().visits()))
                .append("</th><th class=\"n\">").append(t.number(r.totals().uniqueVisitors())).append("</th><th class=\"n\">")
                .append(t.number(r.totals().pageviews())).append("</th><th></th></tr></table>");
        if (r.hasEnteredMonths()) {
            h.append("<p class=\"meta\">").append(esc(t.get("report.enteredNote"))).append("</p>");
        }
        h.append("<table>");
        row(h, t.get("report.riskChecks.total"), t.number(r.riskChecks().total()));
        for (String tier : RiskCheckFigures.TIERS) {
            row(h, t.get("report.riskChecks.heading") + ": " + t.tier(tier), t.number(r.riskChecks().count(tier)));
        }
        h.append("</table>");
    }

    private static void chatMonths(StringBuilder h, ChatFigures chat, ReportTexts t) {
        h.append("<table><tr><th>").append(esc(t.get("report.month"))).append("</th>");
        for (String key : ChatPanel.COLUMNS) {
            h.append("<th class=\"n\">").append(esc(t.get("report.chat." + key))).append("</th>");
        }
        h.append("</tr>");
        for (ChatFigures.Month m : chat.months()) {
            h.append("<tr><td>").append(esc(t.month(m.month()))).append("</td>");
            ChatPanel.cells(m.counts()).forEach(n -> h.append("<td class=\"n\">").append(t.number(n)).append("</td>"));
            h.append("<td class=\"n\">").append(ChatPanel.minutes(m.medianWait(), t)).append("</td><td class=\"n\">")
                    .append(ChatPanel.minutes(m.p90Wait(), t)).append("</td><td class=\"n\">")
                    .append(ChatPanel.minutes(m.counts().averageMinutes(), t)).append("</td></tr>");
        }
        for (ChatPanel.Total total : ChatPanel.totals(chat, t)) {
            h.append("<tr><th>").append(esc(total.name())).append("</th>");
            ChatPanel.cells(total.counts()).forEach(n -> h.append("<th class=\"n\">").append(t.number(n)).append("</th>"));
            h.append("<th></th><th></th><th class=\"n\">").append(ChatPanel.minutes(total.counts().averageMinutes(), t))
                    .append("</th></tr>");
        }
        h.append("</table>");
    }

    private static void rows(StringBuilder h, List<HotlineRows.Row> rows, ReportTexts t) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<table>");
        for (HotlineRows.Row row : rows) {
            row(h, row.name() + (row.detail().isEmpty() ? "" : " (" + row.detail() + ")"), t.number(row.value()));
        }
        h.append("</table>");
    }

    private static String bar(String kind, long value, long max) {
        double percent = Math.max(0.5, 100.0 * value / max);
        return "<div class=\"bar " + kind + "\" style=\"width: " + String.format(Locale.ROOT, "%.1f", percent) + "%\"></div>";
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><td>").append(esc(name)).append("</td><td class=\"n\">").append(value).append("</td></tr>");
    }

    static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
