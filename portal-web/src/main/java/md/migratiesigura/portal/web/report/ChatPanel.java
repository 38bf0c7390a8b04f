package md.migratiesigura.portal.web.report;

import java.util.List;
import md.migratiesigura.portal.report.ChatFigures;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;

/**
 * The live chat's figures of the year: the year's totals and per language (see {@link FactsheetRows#chat}), then a
 * table of the months with how long answered readers waited; a year without any chat says so in one line.
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
            }
        });
        figures.add(new ListView<>("total", cells(chat.total())) {
            @Override
            protected void populateItem(ListItem<Long> cell) {
                cell.add(new Label("value", texts.number(cell.getModelObject())));
            }
        });
        add(figures);
    }

    /** The table's count columns, in the order of {@code report.chat.*} headers in the markup. */
    static List<Long> cells(ChatFigures.Counts c) {
        return List.of(c.offered(), c.answered(), c.abandoned(), c.turnedAway(), c.sos());
    }

    static String minutes(Integer value, ReportTexts texts) {
        return value == null ? "—" : texts.number(value);
    }
}
