package md.migratiesigura.portal.event;

import java.util.List;
import java.util.function.Consumer;

/** A draft with some fields changed, for tests: {@code EventDraftBuilder.change(draft, b -> b.status = "held")}. */
public final class EventDraftBuilder {

    public String key;
    public int version;
    public String type;
    public String status;
    public String titleRo;
    public String titleRu;
    public String descriptionRo;
    public String descriptionRu;
    public String startDate;
    public String startTime;
    public String endDate;
    public String endTime;
    public String district;
    public String locality;
    public String venue;
    public List<String> audiences;
    public String partners;
    public Integer participants;
    public Integer materials;
    public List<String> photos;

    private EventDraftBuilder(EventDraft d) {
        key = d.key();
        version = d.version();
        type = d.type();
        status = d.status();
        titleRo = d.titleRo();
        titleRu = d.titleRu();
        descriptionRo = d.descriptionRo();
        descriptionRu = d.descriptionRu();
        startDate = d.startDate();
        startTime = d.startTime();
        endDate = d.endDate();
        endTime = d.endTime();
        district = d.district();
        locality = d.locality();
        venue = d.venue();
        audiences = d.audiences();
        partners = d.partners();
        participants = d.participants();
        materials = d.materials();
        photos = d.photos();
    }

    /** The draft with the changes applied. */
    public static EventDraft change(EventDraft draft, Consumer<EventDraftBuilder> changes) {
        EventDraftBuilder b = new EventDraftBuilder(draft);
        changes.accept(b);
        return new EventDraft(b.key, b.version, b.type, b.status, b.titleRo, b.titleRu, b.descriptionRo, b.descriptionRu,
                b.startDate, b.startTime, b.endDate, b.endTime, b.district, b.locality, b.venue, b.audiences,
                b.partners, b.participants, b.materials, b.photos);
    }
}
