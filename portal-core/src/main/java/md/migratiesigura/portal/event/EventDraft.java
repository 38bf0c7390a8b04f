package md.migratiesigura.portal.event;

import java.io.Serializable;
import java.util.List;

/**
 * What a trainer typed (or a content file says), unchecked: dates and times stay text so that an impossible date
 * (30 February) is refused with a message instead of being read leniently.
 *
 * @param key       null for a new event
 * @param version   the version the trainer loaded (ignored for a new event)
 * @param startDate {@code 2025-03-12}; {@code startTime} {@code 10:00}; an empty end date is the start date
 */
public record EventDraft(String key, int version, String type, String status, String titleRo, String titleRu,
                         String descriptionRo, String descriptionRu, String startDate, String startTime,
                         String endDate, String endTime, String district, String locality, String venue,
                         List<String> audiences, String partners, Integer participants, Integer materials,
                         List<String> photos) implements Serializable {

    public EventDraft {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
