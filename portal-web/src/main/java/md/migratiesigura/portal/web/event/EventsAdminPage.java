package md.migratiesigura.portal.web.event;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.event.District;
import md.migratiesigura.portal.event.EventBreakdown;
import md.migratiesigura.portal.event.EventService;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.report.EventFigures;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/events}: every event, latest first, with a reminder for those that ended while still "planned",
 * and this year's figures as the annual report counts them (held events by type, per month and district).
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.TRAINER})
public class EventsAdminPage extends AdminBasePage {

    public EventsAdminPage(PageParameters parameters) {
        super(parameters);
        EventService service = PortalApplication.get().events();
        Language language = StaffSession.get().language();
        IModel<List<EventView>> events = LoadableDetachableModel.of(service::all);
        add(new FeedbackPanel("feedback"));
        add(new BookmarkablePageLink<Void>("new", NewEventPage.class));
        add(new Label("reminder", () -> Texts.plural(getString("admin.events.reminder"), getLocale(),
                events.getObject().stream().filter(EventView::pastButPlanned).count())) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(events.getObject().stream().anyMatch(EventView::pastButPlanned));
            }
        });
        add(new ListView<>("events", events) {
            @Override
            protected void populateItem(ListItem<EventView> item) {
                EventView e = item.getModelObject();
                item.add(new Label("when", EventTexts.when(e, getLocale())));
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", EventEditPage.class,
                        EventEditPage.parameters(e.key()));
                link.add(new Label("title", e.title(language)));
                item.add(link);
                item.add(new Label("type", getString("event.type." + e.type().code())));
                item.add(new Label("district", e.district().name(language)));
                item.add(new Label("status", getString("event.status." + e.status().code())));
                item.add(new Label("flag", getString("admin.events.flag")).setVisible(e.pastButPlanned()));
                item.add(new Label("participants", e.participants() == null ? "–" : String.valueOf(e.participants())));
                item.add(new Label("materials", e.materials() == null ? "–" : String.valueOf(e.materials())));
            }
        });
        int year = LocalDate.now(PortalApplication.get().clock().withZone(PortalTime.ZONE)).getYear();
        EventFigures figures = PortalApplication.get().eventFigures().forYear(year);
        EventBreakdown breakdown = PortalApplication.get().eventFigures().breakdown(year);
        add(new Label("figuresHeading", Texts.format(getString("admin.events.figures"), getLocale(), String.valueOf(year))));
        add(new ListView<>("types", EventFigures.TYPES) {
            @Override
            protected void populateItem(ListItem<String> item) {
                item.add(new Label("name", getString("event.type." + item.getModelObject())));
                item.add(new Label("count", String.valueOf(figures.count(item.getModelObject()))));
            }
        });
        add(new Label("participants", String.valueOf(figures.participants())));
        add(new Label("materials", String.valueOf(figures.materials())));
        add(rows("months", breakdown.months(), label -> Texts.monthName(YearMonth.of(year,
                Integer.parseInt(label)), getLocale())));
        add(rows("districts", breakdown.districts(), label -> District.byKey(label).map(d -> d.name(language)).orElse(label)));
    }

    private ListView<EventBreakdown.Row> rows(String id, List<EventBreakdown.Row> rows,
                                              Function<String, String> label) {
        return new ListView<>(id, rows) {
            @Override
            protected void populateItem(ListItem<EventBreakdown.Row> item) {
                EventBreakdown.Row row = item.getModelObject();
                item.add(new Label("label", label.apply(row.label())));
                item.add(new Label("events", String.valueOf(row.events())));
                item.add(new Label("participants", String.valueOf(row.participants())));
                item.add(new Label("materials", String.valueOf(row.materials())));
            }
        };
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.section.events");
    }
}
