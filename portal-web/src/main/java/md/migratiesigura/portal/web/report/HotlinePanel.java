package md.migratiesigura.portal.web.report;

import java.util.stream.IntStream;
import md.migratiesigura.portal.report.HotlineFigures;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;

/**
 * The hotline's figures month by month, for a year with a register (see {@link HotlineRows}); a year whose figures
 * were entered has only the year's.
 */
public class HotlinePanel extends Panel {

    public HotlinePanel(String id, HotlineFigures hotline, ReportTexts texts) {
        super(id);
        setVisible(hotline.fromRegister());
        add(new ListView<>("header", HotlineRows.COLUMNS) {
            @Override
            protected void populateItem(ListItem<HotlineRows.Column> item) {
                item.add(new Label("name", texts.get(item.getModelObject().key())));
            }
        });
        add(new ListView<>("month", IntStream.rangeClosed(1, hotline.months().size()).boxed().toList()) {
            @Override
            protected void populateItem(ListItem<Integer> item) {
                HotlineFigures.Tally tally = hotline.months().get(item.getModelObject() - 1);
                item.add(new Label("name", texts.month(item.getModelObject())));
                item.add(cells("cell", tally, texts));
            }
        });
        add(cells("total", hotline.year(), texts));
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
