package md.migratiesigura.portal.web.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.event.Audience;
import md.migratiesigura.portal.event.District;
import md.migratiesigura.portal.event.EventDraft;
import md.migratiesigura.portal.event.EventProblem;
import md.migratiesigura.portal.event.EventSaveResult;
import md.migratiesigura.portal.event.EventStatus;
import md.migratiesigura.portal.event.EventType;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBoxMultipleChoice;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.FormComponent;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.lang.Bytes;

/**
 * {@code /admin/events/{key}} (and {@code /admin/events/new}): every field of an event in both languages. The
 * service checks everything and each problem is shown on its field; a save on top of another trainer's save is
 * refused with a message, keeps what was typed, and saving again replaces theirs. An event that has ended while
 * still "planned" is pointed out.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.TRAINER})
public class EventEditPage extends AdminBasePage {

    private static final List<String> TEXT_FIELDS = List.of("titleRo", "titleRu", "startDate", "startTime", "endDate",
            "endTime", "locality", "venue", "partners", "participants", "materials");

    private final String key;
    private int version;
    private final IModel<String> type = Model.of();
    private final IModel<String> status = Model.of(EventStatus.PLANNED.code());
    private final IModel<String> district = Model.of();
    private final IModel<String> descriptionRo = Model.of("");
    private final IModel<String> descriptionRu = Model.of("");
    private final IModel<java.util.Collection<String>> audiences = new org.apache.wicket.model.util.CollectionModel<>(new ArrayList<>());
    private final IModel<java.util.Collection<String>> removePhotos = new org.apache.wicket.model.util.CollectionModel<>(new ArrayList<>());
    private final Map<String, IModel<String>> texts = new java.util.HashMap<>();
    private final List<String> photos = new ArrayList<>();
    private boolean pastButPlanned;

    public EventEditPage(PageParameters parameters) {
        super(parameters);
        this.key = parameters.get("key").toOptionalString();
        TEXT_FIELDS.forEach(f -> texts.put(f, Model.of("")));
        if (key != null) {
            EventView event = PortalApplication.get().events().find(key).orElseThrow(() ->
                    new org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException(404));
            fill(event);
        }
        add(new Label("heading", () -> key == null ? getString("admin.event.new") : texts.get("titleRo").getObject()));
        add(new Label("reminder", () -> getString("admin.event.reminder")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(pastButPlanned && EventStatus.PLANNED.code().equals(status.getObject()));
            }
        });
        WebMarkupContainer publicLink = new WebMarkupContainer("publicLink");
        publicLink.add(AttributeModifier.replace("href", key == null ? "" : EventRoutes.event(StaffSession.get().language(), key)));
        publicLink.setVisible(key != null);
        add(publicLink);
        add(new BookmarkablePageLink<Void>("list", EventsAdminPage.class));
        add(new FeedbackPanel("feedback"));
        add(newForm("form"));
    }

    private void fill(EventView event) {
        EventDraft d = event.toDraft();
        version = d.version();
        type.setObject(d.type());
        status.setObject(d.status());
        district.setObject(d.district());
        descriptionRo.setObject(d.descriptionRo());
        descriptionRu.setObject(d.descriptionRu());
        audiences.setObject(new ArrayList<>(d.audiences()));
        texts.get("titleRo").setObject(d.titleRo());
        texts.get("titleRu").setObject(d.titleRu());
        texts.get("startDate").setObject(d.startDate());
        texts.get("startTime").setObject(d.startTime());
        texts.get("endDate").setObject(d.endDate());
        texts.get("endTime").setObject(d.endTime());
        texts.get("locality").setObject(d.locality());
        texts.get("venue").setObject(d.venue());
        texts.get("partners").setObject(d.partners());
        texts.get("participants").setObject(d.participants() == null ? "" : String.valueOf(d.participants()));
        texts.get("materials").setObject(d.materials() == null ? "" : String.valueOf(d.materials()));
        photos.clear();
        photos.addAll(d.photos());
        removePhotos.setObject(new ArrayList<>());
        pastButPlanned = event.pastButPlanned();
    }

    private Form<Void> newForm(String id) {
        FileUploadField photo = new FileUploadField("photo");
        Form<Void> form = new Form<>(id) {
            @Override
            protected void onSubmit() {
                save(photo);
            }

            @Override
            protected void onFileUploadException(FileUploadException e, Map<String, Object> model) {
                error(getString("admin.editor.requestTooLarge"));
            }
        };
        // Multipart for the photo; an oversized body gets a message instead of a failure.
        form.setMultiPart(true);
        form.setMaxSize(Bytes.megabytes(8));
        form.add(choice("type", type, Arrays.stream(EventType.values()).map(EventType::code).toList(),
                code -> getString("event.type." + code)));
        form.add(choice("status", status, Arrays.stream(EventStatus.values()).map(EventStatus::code).toList(),
                code -> getString("event.status." + code)));
        form.add(choice("district", district, District.ALL.stream().map(District::key).toList(),
                k -> District.byKey(k).map(d -> d.name(StaffSession.get().language())).orElse(k)));
        for (String field : TEXT_FIELDS) {
            // Dates and times stay text (the service parses them strictly); browsers may show their pickers.
            form.add(new TextField<>(field, texts.get(field)) {
                @Override
                protected String[] getInputTypes() {
                    return new String[] {"text", "date", "time"};
                }
            }.setLabel(() -> getString("admin.event.field." + field)));
        }
        form.add(new TextArea<>("descriptionRo", descriptionRo).setLabel(() -> getString("admin.event.field.descriptionRo")));
        form.add(new TextArea<>("descriptionRu", descriptionRu).setLabel(() -> getString("admin.event.field.descriptionRu")));
        form.add(new CheckBoxMultipleChoice<>("audiences", audiences,
                Arrays.stream(Audience.values()).map(Audience::code).toList(), new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String code) {
                        return getString("event.audience." + code);
                    }

                    @Override
                    public String getIdValue(String code, int index) {
                        return code;
                    }
                }).setLabel(() -> getString("admin.event.field.audiences")));
        form.add(new EventPhotos("photos", photos));
        form.add(new CheckBoxMultipleChoice<>("removePhotos", removePhotos, () -> photos, new ChoiceRenderer<>() {
            @Override
            public Object getDisplayValue(String id) {
                return getString("admin.event.removePhoto") + " " + (photos.indexOf(id) + 1);
            }

            @Override
            public String getIdValue(String id, int index) {
                return id;
            }
        }) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!photos.isEmpty());
            }
        });
        form.add(photo.setLabel(() -> getString("admin.event.field.photos")));
        return form;
    }

    private DropDownChoice<String> choice(String id, IModel<String> model, List<String> choices,
                                          java.util.function.Function<String, String> label) {
        DropDownChoice<String> choice = new DropDownChoice<>(id, model, choices, new ChoiceRenderer<>() {
            @Override
            public Object getDisplayValue(String value) {
                return label.apply(value);
            }

            @Override
            public String getIdValue(String value, int index) {
                return value;
            }
        });
        choice.setNullValid(true);
        choice.setLabel(() -> getString("admin.event.field." + id));
        return choice;
    }

    /** Uploads a new photo if one was chosen, then saves everything; messages say what happened. */
    private void save(FileUploadField photoField) {
        List<String> kept = new ArrayList<>(photos);
        kept.removeAll(removePhotos.getObject());
        FileUpload upload = photoField.getFileUpload();
        if (upload != null && upload.getSize() > 0) {
            ImageService.UploadResult uploaded;
            try (InputStream in = upload.getInputStream()) {
                uploaded = PortalApplication.get().images().upload(user(), in);
            } catch (IOException e) {
                uploaded = new ImageService.UploadResult(null, ImageService.Refusal.UNREADABLE);
            } finally {
                upload.closeStreams();
            }
            if (!uploaded.accepted()) {
                photoField.error(getString("admin.editor.image." + uploaded.refusal().name()));
                return;
            }
            // Kept on the form even if the save below is refused, so it need not be uploaded again.
            photos.add(uploaded.image().id());
            kept.add(uploaded.image().id());
        }
        Integer participants = number("participants");
        Integer materials = number("materials");
        if (anyFieldInError()) {
            return;
        }
        EventDraft draft = new EventDraft(key, version, type.getObject(), status.getObject(),
                texts.get("titleRo").getObject(), texts.get("titleRu").getObject(), descriptionRo.getObject(),
                descriptionRu.getObject(), texts.get("startDate").getObject(), texts.get("startTime").getObject(),
                texts.get("endDate").getObject(), texts.get("endTime").getObject(), district.getObject(),
                texts.get("locality").getObject(), texts.get("venue").getObject(), List.copyOf(audiences.getObject()),
                texts.get("partners").getObject(), participants, materials, kept);
        EventSaveResult result = PortalApplication.get().events().save(user(), draft);
        if (result instanceof EventSaveResult.Saved saved) {
            getSession().info(getString(key == null ? "admin.event.created" : "admin.event.saved"));
            setResponsePage(EventEditPage.class, parameters(saved.event().key()));
        } else if (result instanceof EventSaveResult.Rejected rejected) {
            for (EventProblem p : rejected.problems()) {
                Component field = get("form:" + p.field());
                String label = getString("admin.event.field." + p.field(), null, p.field());
                String message = Texts.format(getString("admin.event.problem." + p.code().name()), getLocale(), label,
                        p.detail() == null ? "" : p.detail());
                (field != null ? field : this).error(message);
            }
        } else if (result instanceof EventSaveResult.Conflict conflict) {
            // What the trainer typed stays in the form; the next save is based on the version saved meanwhile.
            version = conflict.theirs().version();
            error(Texts.format(getString("admin.event.conflict"), getLocale(),
                    Texts.dateTime(conflict.theirs().updatedAt(), getLocale())));
        }
    }

    private boolean anyFieldInError() {
        return get("form:participants").hasErrorMessage() || get("form:materials").hasErrorMessage();
    }

    /** A count typed as text: empty is "not recorded", anything but a whole number is refused here. */
    private Integer number(String field) {
        String text = texts.get(field).getObject() == null ? "" : texts.get(field).getObject().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("-?\\d{1,9}")) {
            ((FormComponent<?>) get("form:" + field)).error(Texts.format(getString("admin.event.problem.NOT_A_NUMBER"),
                    getLocale(), getString("admin.event.field." + field), ""));
            return null;
        }
        return Integer.parseInt(text);
    }

    public static PageParameters parameters(String key) {
        return new PageParameters().set("key", key);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> key == null ? getString("admin.event.new") : getString("admin.event.edit");
    }
}
