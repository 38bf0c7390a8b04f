package md.migratiesigura.portal.web.report;

import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.ChatFigures;
import md.migratiesigura.portal.report.EventFigures;
import md.migratiesigura.portal.report.FactsheetSection;
import md.migratiesigura.portal.report.Figure;

/**
 * The figures of each of the factsheet's sections, as the year's page and PDF print them under the same words. The
 * hotline's figures come from the register when the year has one, else from what the administrator entered and
 * published (marked so); a figure nobody knows is left out rather than printed as 0.
 */
final class FactsheetRows {

    private FactsheetRows() {
    }

    /** The section's lines, in the factsheet's order; empty for a section of text only. */
    static List<HotlineRows.Row> of(FactsheetSection section, AnnualReport r, ReportTexts t) {
        return switch (section) {
            case CALLS -> HotlineRows.calls(r.hotline(), t);
            case SOS -> sos(r, t);
            case CONSULTATIONS -> consultations(r, t);
            case CHAT -> chat(r.chat(), t);
            case PREVENTION -> prevention(r, t);
            case SERVICE, VISITS, PARTNERS -> List.of();
        };
    }

    /** The administrator's summary printed in the section, once the year is published; else null. */
    static String summary(FactsheetSection section, AnnualReport r, ReportTexts t) {
        return r.isPublished() && section.summary() != null ? r.entered().text(section.summary(), t.language()) : null;
    }

    private static List<HotlineRows.Row> sos(AnnualReport r, ReportTexts t) {
        List<HotlineRows.Row> rows = new ArrayList<>(HotlineRows.sosCases(r.hotline(), t));
        if (!r.hotline().fromRegister() && r.isPublished()) {
            HotlineRows.add(rows, t.figure(Figure.SOS_CASES), r.entered().value(Figure.SOS_CASES), "");
        }
        return rows;
    }

    /** The consultations asked for on the portal (counted), then the counsellors' (register or entered). */
    private static List<HotlineRows.Row> consultations(AnnualReport r, ReportTexts t) {
        List<HotlineRows.Row> rows = new ArrayList<>();
        rows.add(new HotlineRows.Row(t.get("report.consultations.total"), r.consultations().total(), ""));
        rows.add(new HotlineRows.Row(t.get("report.consultations.sos"), r.consultations().sos(), ""));
        HotlineRows.consultations(r.hotline(), t).stream()
                .filter(row -> !row.name().equals(t.get("report.hotline.chats")))
                .forEach(rows::add);
        return rows;
    }

    /** The year's chats: what happened to them, then per language. */
    static List<HotlineRows.Row> chat(ChatFigures chat, ReportTexts t) {
        List<HotlineRows.Row> rows = new ArrayList<>();
        ChatFigures.Counts c = chat.total();
        rows.add(new HotlineRows.Row(t.get("report.chat.offered"), c.offered(), ""));
        rows.add(new HotlineRows.Row(t.get("report.chat.answered"), c.answered(), ""));
        rows.add(new HotlineRows.Row(t.get("report.chat.abandoned"), c.abandoned(), ""));
        rows.add(new HotlineRows.Row(t.get("report.chat.turnedAway"), c.turnedAway(), ""));
        rows.add(new HotlineRows.Row(t.get("report.chat.sos"), c.sos(), ""));
        chat.byLanguage().forEach((language, counts) -> rows.add(new HotlineRows.Row(
                t.get("report.chat.offered") + " (" + t.get("report.chat.language." + language) + ")",
                counts.offered(), "")));
        return rows;
    }

    /**
     * Prevention and training as the portal counts it: the events trainers recorded, by type, their participants and
     * the materials handed out at them and the information materials downloaded from the portal, and the articles
     * published. Another figure the portal counts is one more line here; the administrator's figures are
     * {@link #preventionEntered}.
     */
    private static List<HotlineRows.Row> prevention(AnnualReport r, ReportTexts t) {
        List<HotlineRows.Row> rows = new ArrayList<>();
        for (String type : EventFigures.TYPES) {
            rows.add(new HotlineRows.Row(t.eventType(type), r.events().count(type), ""));
        }
        rows.add(new HotlineRows.Row(t.get("report.events.participants"), r.events().participants(), ""));
        rows.add(new HotlineRows.Row(t.get("report.events.materials"), r.events().materials(), ""));
        MaterialDownloadRows.row(r.year(), t).ifPresent(rows::add);
        rows.add(new HotlineRows.Row(t.get("report.articles"), r.articlesPublished(), ""));
        return rows;
    }

    /** The prevention figures the administrator entered from the hotline's own records, once published. */
    static List<HotlineRows.Row> preventionEntered(AnnualReport r, ReportTexts t) {
        List<HotlineRows.Row> rows = new ArrayList<>();
        if (r.isPublished()) {
            for (Figure f : FactsheetSection.PREVENTION.figures()) {
                HotlineRows.add(rows, t.figure(f), r.entered().value(f), "");
            }
        }
        return rows;
    }
}
