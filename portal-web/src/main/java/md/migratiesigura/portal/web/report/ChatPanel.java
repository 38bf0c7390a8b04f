package md.migratiesigura.portal.web.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.report.ChatFigures;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;

/**
 * The live chat's figures of the year: the year's totals and per language (see {@link FactsheetRows#chat}), then a
 * table of the months with how long answered readers waited and how long answered chats lasted, ending with the
 * year's total and each language's; a year without any chat says so in one line.
 */
public class ChatPanel extends Panel {

    public ChatPanel(String id, ChatFigures chat, ReportTexts texts) {
        super(id);
        add(new Label("none", texts.get("report.chat.none")).setVisible(chat.isEmpty()));
        WebMarkupContainer figures = new WebMarkupContainer("figures");
        figures.setVisible(!chat.isEmpty());
        figures.add(new ListView<>("figure", FactsheetRows.chat(chat, texts)) {
            @Override
            protected void populateItem(ListItem<HotlineRows.Row> item) {
                item.add(new Label("name", item.getModelObject().name()));
                item.add(new Label("value", texts.number(item.getModelObject().value())));
            }
        });
        figures.add(new ListView<>("month", chat.months()) {
            @Override
            protected void populateItem(ListItem<ChatFigures.Month> item) {
                ChatFigures.Month m = item.getModelObject();
                item.add(new Label("name", texts.month(m.month())));
                item.add(new ListView<>("cell", cells(m.counts())) {
                    @Override
                    protected void populateItem(ListItem<Long> cell) {
                        cell.add(new Label("value", texts.number(cell.getModelObject())));
                    }
                });
                item.add(new Label("median", minutes(m.medianWait(), texts)));
                item.add(new Label("p90", minutes(m.p90Wait(), texts)));
                item.add(new Label("length", minutes(m.counts().averageMinutes(), texts)));
            }
        });
        figures.add(new ListView<>("total", totals(chat, texts)) {
            @Override
            protected void populateItem(ListItem<Total> item) {
                item.add(new Label("name", item.getModelObject().name()));
                item.add(new ListView<>("cell", cells(item.getModelObject().counts())) {
                    @Override
                    protected void populateItem(ListItem<Long> cell) {
                        cell.add(new Label("value", texts.number(cell.getModelObject())));
                    }
                });
                item.add(new Label("length", minutes(item.getModelObject().counts().averageMinutes(), texts)));
            }
        });
        add(figures);
    }

    /** A line under the months: the year's total, or one language's. */
    record Total(String name, ChatFigures.Counts counts) implements Serializable {
    }

    /** The year's total, then each language's ("Total în română"), as the page and the PDF end the months' table. */
    static List<Total> totals(ChatFigures chat, ReportTexts texts) {
        List<Total> totals = new ArrayList<>();
        totals.add(new Total(texts.get("report.total"), chat.total()));
        chat.byLanguage().forEach((language, counts) -> totals.add(new Total(
                texts.get("report.total") + " " + texts.get("report.chat.language." + language), counts)));
        return totals;
    }

    /** The months' table's columns after the month, as {@code report.chat.*} keys: the markup's, PDF's and CSV's. */
    static final List<String> COLUMNS =
            List.of("offered", "answered", "abandoned", "turnedAway", "sos", "median", "p90", "length");

    /** The table's count columns, in the order of {@code report.chat.*} headers in the markup. */
    static List<Long> cells(ChatFigures.Counts c) {
        return List.of(c.offered(), c.answered(), c.abandoned(), c.turnedAway(), c.sos());
    }

    static String minutes(Integer value, ReportTexts texts) {
        return value == null ? "—" : texts.number(value);
    }
}
