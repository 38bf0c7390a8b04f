package md.migratiesigura.portal.event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.search.SearchDocument;
import md.migratiesigura.portal.search.SearchSource;
import org.hibernate.SessionFactory;

/**
 * Every event, in both languages: events are public from the moment they are saved (cancelled ones too, marked so
 * on their page). The slug is the event's key, the same in both languages; the category is the type's code.
 */
public final class EventSearchSource implements SearchSource {

    private final SessionFactory sessionFactory;
    private final MarkdownRenderer markdown;

    public EventSearchSource(SessionFactory sessionFactory, MarkdownRenderer markdown) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
    }

    @Override
    public String type() {
        return EventService.SEARCH_TYPE;
    }

    @Override
    public List<SearchDocument> documents(String key) {
        return sessionFactory.fromTransaction(session -> {
            Event event = session.bySimpleNaturalId(Event.class).load(key);
            return event == null ? List.<SearchDocument>of() : documents(event);
        });
    }

    @Override
    public void forEach(Consumer<SearchDocument> consumer) {
        sessionFactory.inTransaction(session -> session.createSelectionQuery("from Event e order by e.id", Event.class)
                .setReadOnly(true)
                .getResultStream()
                .forEach(e -> documents(e).forEach(consumer)));
    }

    private List<SearchDocument> documents(Event e) {
        List<SearchDocument> documents = new ArrayList<>();
        District district = District.byKey(e.getDistrict()).orElse(null);
        for (Language language : Language.values()) {
            String place = String.join(", ", e.getLocality(), district == null ? "" : district.name(language),
                    e.getVenue() == null ? "" : e.getVenue());
            String body = markdown.toPlainText(e.getDescription(language)) + "\n" + place
                    + (e.getPartners() == null ? "" : "\n" + e.getPartners());
            documents.add(new SearchDocument(EventService.SEARCH_TYPE, e.getKey(), language, e.getKey(),
                    e.getTitle(language), place, body, e.getType().code(), null));
        }
        return documents;
    }
}
