package md.migratiesigura.portal.web.visits;

import java.util.List;
import md.migratiesigura.portal.visits.VisitStatistics;
import md.migratiesigura.portal.web.report.ReportTexts;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;

/**
 * One breakdown of the month on the staff's visits page (pages, languages, devices, referrers, domains) as a table:
 * the item, its pageviews (left out for referrers, which count visits only) and its visits.
 */
public class VisitBreakdownPanel extends Panel {

    /**
     * @param keys       text keys: the heading, the item column, the visits column
     * @param textPrefix turns stored keys (mobile, search) into words by {@code textPrefix + key}; null shows them as
     *                   they are (paths, domains)
     */
    public VisitBreakdownPanel(String id, List<String> keys, List<VisitStatistics.Item> items, boolean visitsOnly,
                               String textPrefix) {
        super(id);
        add(new Label("heading", getString(keys.get(0))));
        add(new Label("itemColumn", getString(keys.get(1))));
        add(new WebMarkupContainer("pageviewsColumn").setVisible(!visitsOnly));
        add(new Label("visitsColumn", getString(keys.get(2))));
        add(new ListView<>("item", items) {
            @Override
            protected void populateItem(ListItem<VisitStatistics.Item> row) {
                VisitStatistics.Item item = row.getModelObject();
                row.add(new Label("name", textPrefix == null ? item.item() : getString(textPrefix + item.item(), null, item.item())));
                row.add(new Label("pageviews", ReportTexts.number(item.pageviews(), getLocale())).setVisible(!visitsOnly));
                row.add(new Label("visits", ReportTexts.number(item.visits(), getLocale())));
            }
        });
        add(new Label("empty", getString("admin.visits.empty")).setVisible(items.isEmpty()));
    }
}
