package md.migratiesigura.portal.web.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.EventFigures;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.RiskCheckFigures;
import md.migratiesigura.portal.report.YearFigures;

/**
 * The report as a PDF, made on the server by openhtmltopdf from a plain XHTML rendering of the same data as the
 * page. DejaVu Sans is embedded (as a subset), so Romanian and Cyrillic letters print wherever it is opened; the
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
                .append("h1 { font-size: 18pt; color: #0b4f8a; margin: 0 0 4pt; } h2 { font-size: 12.5pt; color: #0b4f8a; margin: 14pt 0 4pt; }")
                .append("table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.5pt solid #c9d2db; padding: 2.5pt 4pt; text-align: left; }")
                .append("td.n, th.n { text-align: right; } .bar { height: 5pt; } .v { background: #0b4f8a; } .u { background: #ffbf47; }")
                .append(".big { font-size: 15pt; font-weight: bold; } .meta { color: #4a5560; font-size: 8.5pt; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(t.title(r))).append("</h1><p>").append(esc(t.get("site.tagline")))
                .append(" · 0 800 77777</p>");
        h.append("<p><span class=\"big\">").append(t.number(r.totals().visits())).append("</span> ")
                .append(esc(t.get("report.visits.lower"))).append(" · <span class=\"big\">")
                .append(t.number(r.totals().uniqueVisitors())).append("</span> ")
                .append(esc(t.get("report.uniqueVisitors.lower"))).append(" · <span class=\"big\">")
                .append(t.number(r.articlesPublished())).append("</span> ").append(esc(t.get("report.articles.lower")))
                .append("</p>");
        long max = Math.max(1, r.months().stream().mapToLong(AnnualReport.MonthFigures::visits).max().orElse(1));
        h.append("<h2>").append(esc(t.get("report.table.caption"))).append(' ').append(r.year()).append("</h2><table><tr><th>")
                .append(esc(t.get("report.month"))).append("</th><th class=\"n\">").append(esc(t.get("report.visits")))
                .append("</th><th class=\"n\">").append(esc(t.get("report.uniqueVisitors"))).append("</th><th class=\"n\">")
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
        h.append("<h2>").append(esc(t.get("report.platform.heading"))).append("</h2><table>");
        row(h, t.get("report.articles"), t.number(r.articlesPublished()));
        row(h, t.get("report.consultations.total"), t.number(r.consultations().total()));
        row(h, t.get("report.consultations.sos"), t.number(r.consultations().sos()));
        for (String type : EventFigures.TYPES) {
            row(h, t.get("report.events.heading") + ": " + t.eventType(type), t.number(r.events().count(type)));
        }
        row(h, t.get("report.events.participants"), t.number(r.events().participants()));
        row(h, t.get("report.events.materials"), t.number(r.events().materials()));
        row(h, t.get("report.riskChecks.total"), t.number(r.riskChecks().total()));
        for (String tier : RiskCheckFigures.TIERS) {
            row(h, t.get("report.riskChecks.heading") + ": " + t.tier(tier), t.number(r.riskChecks().count(tier)));
        }
        h.append("</table>");
        if (r.hotline().fromRegister()) {
            h.append("<h2>").append(esc(t.get("report.hotline.heading"))).append("</h2><p class=\"meta\">")
                    .append(esc(HotlineRows.source(r.hotline(), t))).append("</p><table>");
            for (HotlineRows.Row row : HotlineRows.year(r.hotline(), t)) {
                row(h, row.name() + (row.detail().isEmpty() ? "" : " (" + row.detail() + ")"), t.number(row.value()));
            }
            h.append("</table>");
        }
        if (r.isPublished()) {
            YearFigures f = r.entered();
            for (Figure.Section section : Figure.Section.values()) {
                // A year with a register has the hotline's figures computed above, not the entered ones.
                List<Figure> known = Figure.of(section).stream().filter(x -> f.value(x) != null)
                        .filter(x -> !r.hotline().fromRegister() || section == Figure.Section.PREVENTION
                                || section == Figure.Section.PLATFORM).toList();
                String summary = f.text(section, t.language());
                if (known.isEmpty() && summary == null) {
                    continue;
                }
                h.append("<h2>").append(esc(t.section(section))).append("</h2>");
                if (!known.isEmpty()) {
                    h.append("<table>");
                    known.forEach(x -> row(h, t.figure(x), t.number(f.value(x))));
                    h.append("</table>");
                }
                if (summary != null) {
                    h.append("<p>").append(esc(summary)).append("</p>");
                }
            }
        }
        h.append("<h2>").append(esc(t.get("report.method.heading"))).append("</h2>");
        for (String part : List.of("pageview", "visitor", "visit", "unique", "entered")) {
            h.append("<p class=\"meta\">").append(esc(t.get("report.method." + part))).append("</p>");
        }
        h.append("</body></html>");
        return h.toString();
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
