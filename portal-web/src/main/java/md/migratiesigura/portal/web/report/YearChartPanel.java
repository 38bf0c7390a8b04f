package md.migratiesigura.portal.web.report;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;

/**
 * A small chart of one figure over the years, drawn on the server as inline SVG: one horizontal bar per year whose
 * figure is known, its value written next to it, newest year on top like the table. A year whose figure is unknown
 * gets no bar, and both its row and the description say so. No script, no style attribute (the CSP allows no inline
 * style), nothing fetched; named by the visible caption and described by the {@code <desc>} listing every year. The
 * table of the retrospective stays the accessible source of the figures.
 */
public class YearChartPanel extends Panel {

    static final int WIDTH = 320;
    static final int ROW = 22;
    static final int LEFT = 40;
    /** Room on the right of the longest bar for its value. */
    static final int VALUE_ROOM = 64;

    /** One year's figure; null when it is not known. */
    public record YearFigure(int year, Long value) implements Serializable {
    }

    /**
     * @param name the chart's markup id prefix (unique on the page) and the key of its caption,
     *             {@code retrospective.chart.<name>}
     */
    public YearChartPanel(String id, String name, List<YearFigure> figures, ReportTexts texts) {
        super(id);
        String unknown = texts.get("retrospective.chart.unknown");
        long max = figures.stream().filter(f -> f.value() != null).mapToLong(YearFigure::value).max().orElse(0);
        String captionId = "chart-" + name + "-title";
        String descId = "chart-" + name + "-desc";
        add(new Label("caption", texts.get("retrospective.chart." + name))
                .add(AttributeModifier.replace("id", captionId)));
        WebMarkupContainer svg = new WebMarkupContainer("svg");
        svg.add(AttributeModifier.replace("viewBox", "0 0 " + WIDTH + " " + Math.max(ROW, figures.size() * ROW)));
        svg.add(AttributeModifier.replace("aria-labelledby", captionId + " " + descId));
        svg.add(new Label("desc", figures.stream()
                .map(f -> f.year() + ": " + (f.value() == null ? unknown : texts.number(f.value())))
                .collect(Collectors.joining("; ", "", "."))).add(AttributeModifier.replace("id", descId)));
        svg.add(new ListView<>("years", figures) {
            @Override
            protected void populateItem(ListItem<YearFigure> item) {
                YearFigure f = item.getModelObject();
                int top = item.getIndex() * ROW;
                int baseline = top + ROW / 2 + 4;
                int width = f.value() == null || max == 0 ? 0
                        : (int) Math.max(1, Math.round((WIDTH - LEFT - VALUE_ROOM) * (double) f.value() / max));
                item.add(new Label("year", String.valueOf(f.year()))
                        .add(AttributeModifier.replace("x", LEFT - 6), AttributeModifier.replace("y", baseline)));
                WebMarkupContainer bar = new WebMarkupContainer("bar");
                bar.add(AttributeModifier.replace("x", LEFT), AttributeModifier.replace("y", top + 4),
                        AttributeModifier.replace("width", width), AttributeModifier.replace("height", ROW - 8),
                        AttributeModifier.append("class", "chart-bar-" + name));
                bar.setVisible(f.value() != null);
                item.add(bar);
                item.add(new Label("value", f.value() == null ? unknown : texts.number(f.value()))
                        .add(AttributeModifier.replace("x", LEFT + width + 4),
                                AttributeModifier.replace("y", baseline)));
            }
        });
        add(svg);
    }
}
