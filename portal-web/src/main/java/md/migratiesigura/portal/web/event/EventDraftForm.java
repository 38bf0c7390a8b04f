package md.migratiesigura.portal.web.event;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import md.migratiesigura.portal.event.EventDraft;
import md.migratiesigura.portal.event.EventStatus;

/**
 * What the event form holds, as typed (dates, times and counts as text: the service parses them strictly). Kept
 * with the page, so a refused or conflicting save shows what was typed again unchanged.
 */
public class EventDraftForm implements Serializable {

    private int version;
    private String type;
    private String status = EventStatus.PLANNED.code();
    private String titleRo = "";
    private String titleRu = "";
    private String descriptionRo = "";
    private String descriptionRu = "";
    private String startDate = "";
    private String startTime = "";
    private String endDate = "";
    private String endTime = "";
    private String district;
    private String locality = "";
    private String venue = "";
    private Collection<String> audiences = new ArrayList<>();
    private String partners = "";
    private String participants = "";
    private String materials = "";
    /** The event's photos; the page shows this very list, so it is changed in place. */
    private final List<String> photos = new ArrayList<>();
    private Collection<String> removePhotos = new ArrayList<>();

    /** Takes what a saved event holds. */
    public void fill(EventDraft d) {
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
        audiences = new ArrayList<>(d.audiences());
        partners = d.partners();
        participants = d.participants() == null ? "" : String.valueOf(d.participants());
        materials = d.materials() == null ? "" : String.valueOf(d.materials());
        photos.clear();
        photos.addAll(d.photos());
        removePhotos = new ArrayList<>();
    }

    /** The draft for the service: the counts as the page parsed them, the photos not ticked for removal. */
    public EventDraft toDraft(String key, Integer participantCount, Integer materialCount) {
        List<String> kept = new ArrayList<>(photos);
        kept.removeAll(removePhotos);
        return new EventDraft(key, version, type, status, titleRo, titleRu, descriptionRo, descriptionRu, startDate,
                startTime, endDate, endTime, district, locality, venue, List.copyOf(audiences), partners,
                participantCount, materialCount, kept);
    }

    /** A photo uploaded with this save: kept on the form even if the save is refused, so it need not come again. */
    public void addPhoto(String imageId) {
        photos.add(imageId);
    }

    /** After a conflict: the next save is based on the version saved meanwhile. */
    public void setVersion(int version) {
        this.version = version;
    }

    public List<String> getPhotos() {
        return photos;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTitleRo() {
        return titleRo;
    }

    public void setTitleRo(String titleRo) {
        this.titleRo = titleRo;
    }

    public String getTitleRu() {
        return titleRu;
    }

    public void setTitleRu(String titleRu) {
        this.titleRu = titleRu;
    }

    public String getDescriptionRo() {
        return descriptionRo;
    }

    public void setDescriptionRo(String descriptionRo) {
        this.descriptionRo = descriptionRo;
    }

    public String getDescriptionRu() {
        return descriptionRu;
    }

    public void setDescriptionRu(String descriptionRu) {
        this.descriptionRu = descriptionRu;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getLocality() {
        return locality;
    }

    public void setLocality(String locality) {
        this.locality = locality;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public Collection<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(Collection<String> audiences) {
        this.audiences = audiences;
    }

    public String getPartners() {
        return partners;
    }

    public void setPartners(String partners) {
        this.partners = partners;
    }

    public String getParticipants() {
        return participants;
    }

    public void setParticipants(String participants) {
        this.participants = participants;
    }

    public String getMaterials() {
        return materials;
    }

    public void setMaterials(String materials) {
        this.materials = materials;
    }

    public Collection<String> getRemovePhotos() {
        return removePhotos;
    }

    public void setRemovePhotos(Collection<String> removePhotos) {
        this.removePhotos = removePhotos;
    }
}
