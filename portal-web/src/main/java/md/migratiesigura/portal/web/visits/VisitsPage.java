package md.migratiesigura.portal.web.visits;

import java.util.List;
import md.migratiesigura.portal.visits.Month;
import md.migratiesigura.portal.visits.VisitCounter;
import md.migratiesigura.portal.visits.VisitStatistics.Dimension;
import md.migratiesigura.portal.visits.VisitStatistics;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.report.ReportTexts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.StringHeaderItem;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Every staff role: the current month as counted so far (at most a few seconds old): today, the month to date,
 * the most read pages, languages, devices, how visits arrived, and the counter's own health (drops, backlog).
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR, StaffRoles.TRAINER, StaffRoles.COUNSELLOR})
public class VisitsPage extends AdminBasePage {

    static final int TOP = 10;

    /** Reloading on its own is the staff member's choice (WCAG 2.2.1): off unless {@code ?live=1} asks for it. */
    private final boolean live;

    public VisitsPage(PageParameters parameters) {
        super(parameters);
        live = parameters.get("live").toBoolean(false);
        BookmarkablePageLink<Void> toggle = new BookmarkablePageLink<>("live", VisitsPage.class,
                live ? new PageParameters() : new PageParameters().set("live", "1"));
        toggle.add(new Label("text", getString(live ? "admin.visits.live.stop" : "admin.visits.live.start")));
        add(toggle);
        VisitStatistics stats = PortalApplication.get().visitStatistics();
        Month month = stats.currentMonth();
        add(new Label("month", getString("report.month." + month.month()) + " " + month.year()));
        add(figures("today", stats.today()));
        add(figures("monthToDate", stats.month(month)));
        add(new VisitBreakdownPanel("pages", List.of("admin.visits.pages", "admin.visits.page", "admin.visits.entries"),
                stats.top(month, Dimension.PAGE, TOP), false, null));
        add(new VisitBreakdownPanel("languages", List.of("admin.visits.languages", "admin.visits.language", "report.visits"),
                stats.top(month, Dimension.LANGUAGE, TOP), false, null));
        add(new VisitBreakdownPanel("devices", List.of("admin.visits.devices", "admin.visits.device", "report.visits"),
                stats.top(month, Dimension.DEVICE, TOP), false, "admin.visits.device."));
        add(new VisitBreakdownPanel("referrers", List.of("admin.visits.referrers", "admin.visits.referrer", "report.visits"),
                stats.top(month, Dimension.REFERRER, TOP), true, "admin.visits.referrer."));
        add(new VisitBreakdownPanel("domains", List.of("admin.visits.domains", "admin.visits.domain", "report.visits"),
                stats.top(month, Dimension.DOMAIN, TOP), true, null));
        VisitCounter.CounterState state = PortalApplication.get().visitCounter().state();
        add(new Label("counted", number(state.counted())));
        add(new Label("dropped", number(state.dropped())));
        add(new Label("waiting", number(state.waiting())));
        add(new Label("database", getString(state.databaseFailing() ? "admin.visits.database.failing" : "admin.visits.database.ok")));
        add(new Label("lastFlush", state.lastFlush() == null ? "—" : Texts.dateTime(state.lastFlush(), getLocale())));
        add(new Label("counting", getString(PortalApplication.get().config().visitCounting()
                ? "admin.visits.counting.on" : "admin.visits.counting.off")));
    }

    private WebMarkupContainer figures(String id, VisitStatistics.Figures figures) {
        WebMarkupContainer box = new WebMarkupContainer(id);
        box.add(new Label("pageviews", number(figures.pageviews())));
        box.add(new Label("visits", number(figures.visits())));
        box.add(new Label("visitors", number(figures.visitors())));
        return box;
    }

    private String number(long value) {
        return ReportTexts.number(value, getLocale());
    }

    /** Live: the page reloads itself every 30 seconds (a meta refresh needs no script, so the CSP is untouched). */
    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        if (live) {
            response.render(StringHeaderItem.forString("<meta http-equiv=\"refresh\" content=\"30\">"));
        }
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.visits.title");
    }
}
