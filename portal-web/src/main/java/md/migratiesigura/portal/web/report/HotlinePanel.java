package md.migratiesigura.portal.web.report;

import java.util.List;
import java.util.stream.IntStream;
import md.migratiesigura.portal.report.HotlineFigures;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;

/**
 * The report's hotline section for a year with a register: the year's figures in the factsheet's order (see
 * {@link HotlineRows}), a line saying they were computed from the counsellors' register, and the months.
 */
public class HotlinePanel extends Panel {

    public HotlinePanel(String id, HotlineFigures hotline, ReportTexts texts) {
        super(id);
        List<HotlineRows.Row> rows = HotlineRows.year(hotline, texts);
        // An entered year's hotline figures are in the report's entered section already, marked as entered.
        setVisible(hotline.fromRegister());
        add(new Label("source", HotlineRows.source(hotline, texts)));
        add(new ListView<>("figure", rows) {
            @Override
            protected void populateItem(ListItem<HotlineRows.Row> item) {
                HotlineRows.Row row = item.getModelObject();
                item.add(new Label("name", row.name()));
                item.add(new Label("value", texts.number(row.value())));
                item.add(new Label("detail", row.detail()).setVisible(!row.detail().isEmpty()));
            }
        });
        WebMarkupContainer months = new WebMarkupContainer("months");
        months.setVisible(hotline.fromRegister());
        months.add(new ListView<>("header", HotlineRows.COLUMNS) {
            @Override
            protected void populateItem(ListItem<HotlineRows.Column> item) {
                item.add(new Label("name", texts.get(item.getModelObject().key())));
            }
        });
        months.add(new ListView<>("month", IntStream.rangeClosed(1, hotline.months().size()).boxed().toList()) {
            @Override
            protected void populateItem(ListItem<Integer> item) {
                HotlineFigures.Tally tally = hotline.months().get(item.getModelObject() - 1);
                item.add(new Label("name", texts.month(item.getModelObject())));
                item.add(cells("cell", tally, texts));
            }
        });
        months.add(cells("total", hotline.year(), texts));
        add(months);
    }

    private static ListView<HotlineRows.Column> cells(String id, HotlineFigures.Tally tally, ReportTexts texts) {
        return new ListView<>(id, HotlineRows.COLUMNS) {
            @Override
            protected void populateItem(ListItem<HotlineRows.Column> item) {
                Long value = item.getModelObject().figure().apply(tally);
                item.add(new Label("value", value == null ? "—" : texts.number(value)));
            }
        };
    }
}
