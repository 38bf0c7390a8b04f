package md.migratiesigura.portal.web.visits;

import java.util.stream.IntStream;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.web.report.ReportTexts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/**
 * Visits and unique visitors per month as an SVG bar chart drawn on the server: plain markup, readable without
 * JavaScript, styled by classes only (the CSP allows no inline styles), named by its {@code <title>} and
 * {@code <desc>}; the data table next to it carries the same numbers for screen readers and printing.
 */
public class VisitChartPanel extends Panel {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 60;
    static final int RIGHT = 8;
    static final int TOP = 12;
    static final int BOTTOM = 28;
    static final int GRID_LINES = 4;

    public VisitChartPanel(String id, IModel<AnnualReport> report, ReportTexts texts) {
        super(id, report);
        AnnualReport r = report.getObject();
        long max = niceCeiling(r.months().stream().mapToLong(AnnualReport.MonthFigures::visits).max().orElse(0));
        WebMarkupContainer svg = new WebMarkupContainer("svg");
        svg.add(AttributeModifier.replace("viewBox", "0 0 " + WIDTH + " " + HEIGHT));
        svg.add(new Label("title", texts.get("report.chart.title") + " " + r.year()));
        svg.add(new Label("desc", texts.get("report.visits") + ": " + texts.number(r.totals().visits()) + "; "
                + texts.get("report.uniqueVisitors") + ": " + texts.number(r.totals().uniqueVisitors())));
        svg.add(new ListView<>("grid", IntStream.rangeClosed(0, GRID_LINES).boxed().toList()) {
            @Override
            protected void populateItem(ListItem<Integer> item) {
                long value = max * item.getModelObject() / GRID_LINES;
                int y = y(value, max);
                WebMarkupContainer line = new WebMarkupContainer("line");
                line.add(AttributeModifier.replace("x1", LEFT)).add(AttributeModifier.replace("x2", WIDTH - RIGHT))
                        .add(AttributeModifier.replace("y1", y)).add(AttributeModifier.replace("y2", y));
                item.add(line);
                item.add(new Label("value", texts.number(value))
                        .add(AttributeModifier.replace("x", LEFT - 6)).add(AttributeModifier.replace("y", y + 4)));
            }
        });
        double slot = (WIDTH - LEFT - RIGHT) / 12.0;
        int bar = (int) Math.floor(slot * 0.36);
        svg.add(new ListView<>("months", r.months()) {
            @Override
            protected void populateItem(ListItem<AnnualReport.MonthFigures> item) {
                AnnualReport.MonthFigures m = item.getModelObject();
                int x = (int) Math.round(LEFT + slot * (m.month() - 1) + slot * 0.1);
                item.add(bar("visits", x, bar, m.visits(), max,
                        texts.month(m.month()) + ": " + texts.number(m.visits()) + " " + texts.get("report.visits.lower")));
                item.add(bar("visitors", x + bar, bar, m.uniqueVisitors(), max,
                        texts.month(m.month()) + ": " + texts.number(m.uniqueVisitors()) + " "
                                + texts.get("report.uniqueVisitors.lower")));
                item.add(new Label("label", texts.get("report.month.short." + m.month()))
                        .add(AttributeModifier.replace("x", (int) Math.round(LEFT + slot * (m.month() - 0.5))))
                        .add(AttributeModifier.replace("y", HEIGHT - BOTTOM + 18)));
            }
        });
        add(svg);
        add(new Label("legendVisits", texts.get("report.visits")));
        add(new Label("legendVisitors", texts.get("report.uniqueVisitors")));
    }

    private static WebMarkupContainer bar(String id, int x, int width, long value, long max, String tooltip) {
        WebMarkupContainer rect = new WebMarkupContainer(id);
        int y = y(value, max);
        rect.add(AttributeModifier.replace("x", x), AttributeModifier.replace("width", width),
                AttributeModifier.replace("y", y), AttributeModifier.replace("height", HEIGHT - BOTTOM - y));
        rect.add(new Label("tip", tooltip));
        return rect;
    }

    static int y(long value, long max) {
        double plot = HEIGHT - TOP - BOTTOM;
        return (int) Math.round(HEIGHT - BOTTOM - (max == 0 ? 0 : plot * value / max));
    }

    /** A round top for the scale, whose quarters are round too: 16,000 for 13,318; 4 when there is nothing yet. */
    static long niceCeiling(long max) {
        if (max <= 0) {
            return GRID_LINES;
        }
        double tick = max / (double) GRID_LINES;
        double power = Math.pow(10, Math.floor(Math.log10(tick)));
        for (double nice : new double[] {1, 2, 2.5, 4, 5, 10}) {
            if (nice * power >= tick) {
                return Math.max(GRID_LINES, Math.round(Math.ceil(nice * power) * GRID_LINES));
            }
        }
        return Math.round(10 * power * GRID_LINES);
    }
}
