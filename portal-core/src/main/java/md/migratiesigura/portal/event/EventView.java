package md.migratiesigura.portal.event;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;

/**
 * One event as pages, feeds and the API show it, both languages inside. The description HTML was rendered from
 * Markdown and sanitized when saved.
 *
 * @param photos         ids of uploaded images ({@code /media/{id}.jpg})
 * @param pastButPlanned still "planned" although it has ended: the trainer should say whether it was held
 */
public record EventView(String key, EventType type, EventStatus status, Instant start, Instant end,
                        District district, String locality, String venue, List<Audience> audiences, String partners,
                        Integer participants, Integer materials, List<String> photos, String titleRo,
                        String titleRu, String descriptionRo, String descriptionRu, String descriptionHtmlRo,
                        String descriptionHtmlRu, Instant createdAt, Instant updatedAt, int version,
                        boolean pastButPlanned) implements Serializable {

    public EventView {
        audiences = List.copyOf(audiences);
        photos = List.copyOf(photos);
    }

    public String title(Language language) {
        return language == Language.RO ? titleRo : titleRu;
    }

    public String description(Language language) {
        return language == Language.RO ? descriptionRo : descriptionRu;
    }

    public String descriptionHtml(Language language) {
        return language == Language.RO ? descriptionHtmlRo : descriptionHtmlRu;
    }

    /** Whether it has not ended at the given moment. */
    public boolean isUpcoming(Instant now) {
        return !end.isBefore(now);
    }

    /** An empty form's values for editing this event (the times in Chisinau). */
    public EventDraft toDraft() {
        var s = start.atZone(PortalTime.ZONE);
        var e = end.atZone(PortalTime.ZONE);
        return new EventDraft(key, version, type.code(), status.code(), titleRo, titleRu, descriptionRo, descriptionRu,
                s.toLocalDate().toString(), EventService.TIME.format(s), e.toLocalDate().toString(),
                EventService.TIME.format(e), district.key(), locality, venue,
                audiences.stream().map(Audience::code).toList(), partners, participants, materials, photos);
    }
}
