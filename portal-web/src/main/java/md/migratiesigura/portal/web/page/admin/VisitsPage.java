package md.migratiesigura.portal.web.page.admin;

import java.util.List;
import md.migratiesigura.portal.analytics.Month;
import md.migratiesigura.portal.analytics.VisitCounter;
import md.migratiesigura.portal.analytics.VisitStatistics;
import md.migratiesigura.portal.analytics.VisitStatistics.Dimension;
import md.migratiesigura.portal.web.page.Texts;
import md.migratiesigura.portal.web.report.ReportTexts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Every staff role: the current month as counted so far (at most a few seconds old): today, the month to date,
 * the most read pages, languages, devices, how visits arrived, and the counter's own health (drops, backlog).
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR, StaffRoles.TRAINER, StaffRoles.COUNSELLOR})
public class VisitsPage extends AdminBasePage {

    static final int TOP = 10;

    public VisitsPage(PageParameters parameters) {
        super(parameters);
        VisitStatistics stats = app().services().visitStatistics();
        Month month = stats.currentMonth();
        add(new Label("month", getString("report.month." + month.month()) + " " + month.year()));
        add(figures("today", stats.today()));
        add(figures("monthToDate", stats.month(month)));
        add(breakdown("pages", stats.top(month, Dimension.PAGE, TOP), false, null));
        add(breakdown("languages", stats.top(month, Dimension.LANGUAGE, TOP), false, null));
        add(breakdown("devices", stats.top(month, Dimension.DEVICE, TOP), false, "admin.visits.device."));
        add(breakdown("referrers", stats.top(month, Dimension.REFERRER, TOP), true, "admin.visits.referrer."));
        add(breakdown("domains", stats.top(month, Dimension.DOMAIN, TOP), true, null));
        VisitCounter.CounterState state = app().services().visitCounter().state();
        add(new Label("counted", number(state.counted())));
        add(new Label("dropped", number(state.dropped())));
        add(new Label("waiting", number(state.waiting())));
        add(new Label("database", getString(state.databaseFailing() ? "admin.visits.database.failing" : "admin.visits.database.ok")));
        add(new Label("lastFlush", state.lastFlush() == null ? "—" : Texts.dateTime(state.lastFlush(), getLocale())));
        add(new Label("counting", getString(app().config().visitCounting() ? "admin.visits.counting.on" : "admin.visits.counting.off")));
    }

    private WebMarkupContainer figures(String id, VisitStatistics.Figures figures) {
        WebMarkupContainer box = new WebMarkupContainer(id);
        box.add(new Label("pageviews", number(figures.pageviews())));
        box.add(new Label("visits", number(figures.visits())));
        box.add(new Label("visitors", number(figures.visitors())));
        return box;
    }

    /** A table of a breakdown; {@code textPrefix} turns stored keys (mobile, search) into words. */
    private WebMarkupContainer breakdown(String id, List<VisitStatistics.Item> items, boolean visitsOnly, String textPrefix) {
        WebMarkupContainer box = new WebMarkupContainer(id);
        box.add(new WebMarkupContainer("pageviewsHeading").setVisible(!visitsOnly));
        box.add(new ListView<>("item", items) {
            @Override
            protected void populateItem(ListItem<VisitStatistics.Item> row) {
                VisitStatistics.Item item = row.getModelObject();
                row.add(new Label("name", textPrefix == null ? item.item() : getString(textPrefix + item.item(), null, item.item())));
                row.add(new Label("pageviews", number(item.pageviews())).setVisible(!visitsOnly));
                row.add(new Label("visits", number(item.visits())));
            }
        });
        box.add(new Label("empty", getString("admin.visits.empty")).setVisible(items.isEmpty()));
        return box;
    }

    private String number(long value) {
        return ReportTexts.number(value, getLocale());
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.visits.title");
    }
}
