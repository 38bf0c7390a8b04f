package md.migratiesigura.portal.web.event;

import java.util.LinkedHashMap;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.event.EventStatus;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.JsonLd;
import md.migratiesigura.portal.web.common.NotFoundPage;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /ro/evenimente/{key}}, {@code /ru/sobytiya/{key}}: one event with its time in Chisinau, place, description,
 * a link to add it to a calendar, and schema.org Event data. An unknown key answers 404.
 */
public class EventPage extends BasePage {

    private final IModel<EventView> event;

    public EventPage(PageParameters parameters) {
        super(parameters);
        String key = parameters.get("id").toString("");
        event = LoadableDetachableModel.of(() -> key.matches("[a-z0-9-]{1,100}")
                ? PortalApplication.get().events().find(key).orElse(null) : null);
        if (event.getObject() == null) {
            throw NotFoundPage.renderInstead(language());
        }
        EventView view = event.getObject();
        Language lang = language();
        add(new Label("heading", event.map(e -> e.title(lang))));
        add(new WebMarkupContainer("cancelled").setVisible(view.status() == EventStatus.CANCELLED));
        add(new Label("type", getString("event.type." + view.type().code())));
        WebMarkupContainer time = new WebMarkupContainer("time");
        time.add(AttributeModifier.replace("datetime", EventTexts.iso(view.start())));
        time.add(new Label("text", EventTexts.when(view, getLocale())));
        add(time);
        add(new Label("place", EventTexts.place(view, lang)));
        add(new Label("audiences", Texts.format(getString("event.audiences"), getLocale(), String.join(", ",
                view.audiences().stream().map(a -> getString("event.audience." + a.code())).toList())))
                .setVisible(!view.audiences().isEmpty()));
        add(new Label("partners", Texts.format(getString("event.partners"), getLocale(), String.valueOf(view.partners())))
                .setVisible(view.partners() != null));
        add(new Label("participants", view.participants() == null ? "" : Texts.plural(getString("event.participants"),
                getLocale(), view.participants())).setVisible(view.participants() != null));
        add(new Label("materials", view.materials() == null ? "" : Texts.plural(getString("event.materials"),
                getLocale(), view.materials())).setVisible(view.materials() != null));
        // The description is HTML rendered from Markdown when it was saved, with raw HTML escaped and only safe link
        // schemes kept (MarkdownRenderer), like an article's body.
        add(new Label("eventDescription", event.map(e -> e.descriptionHtml(lang))).setEscapeModelStrings(false));
        add(new EventPhotos("photos", view.photos()));
        add(new WebMarkupContainer("calendar").add(AttributeModifier.replace("href",
                EventRoutes.eventCalendar(lang, view.key()))));
        add(new BookmarkablePageLink<Void>("all", EventsPage.class, parametersIn(lang)));
        // Structured data for search engines: JSON with <, > and & escaped, so nothing can close the script.
        add(new Label("jsonLd", this::jsonLd).setEscapeModelStrings(false));
    }

    private String jsonLd() {
        EventView e = event.getObject();
        Language lang = language();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Event");
        data.put("name", e.title(lang));
        String text = new MarkdownRenderer().toPlainText(e.description(lang)).strip();
        if (!text.isEmpty()) {
            data.put("description", text);
        }
        data.put("inLanguage", lang.code());
        data.put("startDate", EventTexts.iso(e.start()));
        data.put("endDate", EventTexts.iso(e.end()));
        data.put("eventStatus", e.status() == EventStatus.CANCELLED ? "https://schema.org/EventCancelled"
                : "https://schema.org/EventScheduled");
        data.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("addressLocality", e.locality());
        address.put("addressRegion", e.district().name(lang));
        address.put("addressCountry", "MD");
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("name", e.venue() != null ? e.venue() : e.locality());
        place.put("address", address);
        data.put("location", place);
        data.put("organizer", Map.of("@type", "Organization", "name", "Centrul Internațional „La Strada”",
                "url", PortalApplication.get().config().publicBaseUrl()));
        data.put("url", absoluteUrl(lang));
        return JsonLd.write(data);
    }

    public static PageParameters parameters(Language language, String key) {
        return parametersIn(language).set("id", key);
    }

    @Override
    protected IModel<String> pageTitle() {
        return event.map(e -> e.title(language()));
    }

    @Override
    protected IModel<String> description() {
        return event.map(e -> e.title(language()) + " · " + EventTexts.when(e, getLocale()) + " · "
                + EventTexts.place(e, language()));
    }

    @Override
    protected void onDetach() {
        event.detach();
        super.onDetach();
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
