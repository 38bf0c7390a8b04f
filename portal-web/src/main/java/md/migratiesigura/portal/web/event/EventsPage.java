package md.migratiesigura.portal.web.event;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import md.migratiesigura.portal.event.District;
import md.migratiesigura.portal.event.EventFilter;
import md.migratiesigura.portal.event.EventType;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.SelectOptions;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /ro/evenimente}, {@code /ru/sobytiya}: events to come (soonest first), then past ones; filters by type,
 * district and month in a plain GET form (stateless). A filter value that is not one of the choices is answered
 * with a message and status 400, and the listing without that filter.
 */
public class EventsPage extends BasePage {

    private final EventType type;
    private final District district;
    private final YearMonth month;
    private String refusal;
    private final IModel<List<EventView>> events;

    public EventsPage(PageParameters parameters) {
        super(parameters);
        String typeCode = parameters.get("type").toString("");
        String districtKey = parameters.get("district").toString("");
        String monthText = parameters.get("month").toString("");
        this.type = typeCode.isEmpty() ? null : EventType.ofCode(typeCode).orElse(null);
        this.district = districtKey.isEmpty() ? null : District.byKey(districtKey).orElse(null);
        this.month = parseMonth(monthText);
        if (!typeCode.isEmpty() && type == null || !districtKey.isEmpty() && district == null
                || !monthText.isEmpty() && month == null) {
            refusal = getString("events.filter.invalid");
        }
        EventFilter filter = new EventFilter(type, district, month);
        this.events = LoadableDetachableModel.of(() -> PortalApplication.get().events().listing(filter));
        Instant now = PortalApplication.get().clock().instant();
        IModel<List<EventView>> upcoming = events.map(l -> l.stream().filter(e -> e.isUpcoming(now)).toList());
        IModel<List<EventView>> past = events.map(l -> l.stream().filter(e -> !e.isUpcoming(now)).toList());

        add(newFilterForm("form"));
        add(new Label("refusal", () -> refusal).setVisible(refusal != null));
        add(new WebMarkupContainer("calendar").add(AttributeModifier.replace("href",
                EventRoutes.calendar(language()) + (type == null ? "" : "?type=" + type.code()))));
        add(section("upcoming", upcoming));
        add(section("past", past));
        add(new Label("none", getString("events.none")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(events.getObject().isEmpty());
            }
        });
    }

    private static YearMonth parseMonth(String text) {
        if (!text.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(text, DateTimeFormatter.ofPattern("uuuu-MM"));
            return month.getYear() >= 2001 && month.getYear() <= 2100 ? month : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private WebMarkupContainer section(String id, IModel<List<EventView>> list) {
        WebMarkupContainer section = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!list.getObject().isEmpty());
            }
        };
        section.add(new EventListPanel("list", list));
        return section;
    }

    /** A plain GET form: filtering needs no Wicket state, no session, and works without JavaScript. */
    private WebMarkupContainer newFilterForm(String id) {
        WebMarkupContainer form = new WebMarkupContainer(id);
        form.add(AttributeModifier.replace("action", () -> urlFor(EventsPage.class, parametersIn(language())).toString()));
        form.add(SelectOptions.of("types", Arrays.asList(EventType.values()), EventType::code,
                t -> getString("event.type." + t.code()), type));
        form.add(SelectOptions.of("districts", District.ALL, District::key, d -> d.name(language()), district));
        form.add(SelectOptions.of("months", PortalApplication.get().events().months(),
                YearMonth::toString, m -> Texts.monthName(m, getLocale()), month));
        return form;
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        if (refusal != null) {
            response.setStatus(400);
        }
    }

    @Override
    protected boolean isIndexable() {
        return type == null && district == null && month == null && refusal == null;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("events.title");
    }

    @Override
    protected IModel<String> description() {
        return () -> getString("events.lead");
    }

    @Override
    protected void onDetach() {
        events.detach();
        super.onDetach();
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
