package md.migratiesigura.portal.web.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import md.migratiesigura.portal.event.Audience;
import md.migratiesigura.portal.event.District;
import md.migratiesigura.portal.event.EventProblem;
import md.migratiesigura.portal.event.EventSaveResult;
import md.migratiesigura.portal.event.EventStatus;
import md.migratiesigura.portal.event.EventType;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.SaveProblems;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.wicket.AttributeModifier;
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
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.lang.Bytes;
import org.danekja.java.util.function.serializable.SerializableBiConsumer;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * {@code /admin/events/{key}} (and {@code /admin/events/new}): every field of an event in both languages. The
 * service checks everything and each problem is shown on its field; a save on top of another trainer's save is
 * refused with a message, keeps what was typed, and saving again replaces theirs. An event that has ended while
 * still "planned" is pointed out.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.TRAINER})
public class EventEditPage extends AdminBasePage {

    private final String key;
    private final IModel<EventDraftForm> form = Model.of(new EventDraftForm());
    private boolean pastButPlanned;

    public EventEditPage(PageParameters parameters) {
        super(parameters);
        this.key = parameters.get("key").toOptionalString();
        if (key != null) {
            EventView event = PortalApplication.get().events().find(key).orElseThrow(() ->
                    new AbortWithHttpErrorCodeException(404));
            form.getObject().fill(event.toDraft());
            pastButPlanned = event.pastButPlanned();
        }
        add(new Label("heading", () -> key == null ? getString("admin.event.new") : form.getObject().getTitleRo()));
        add(new Label("reminder", () -> getString("admin.event.reminder")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(pastButPlanned && EventStatus.PLANNED.code().equals(form.getObject().getStatus()));
            }
        });
        WebMarkupContainer publicLink = new WebMarkupContainer("publicLink");
        publicLink.add(AttributeModifier.replace("href",
                key == null ? "" : EventRoutes.event(StaffSession.get().language(), key)));
        publicLink.setVisible(key != null);
        add(publicLink);
        add(new BookmarkablePageLink<Void>("list", EventsAdminPage.class));
        add(new FeedbackPanel("feedback"));
        add(newForm("form"));
    }

    private Form<Void> newForm(String id) {
        FileUploadField photo = new FileUploadField("photo");
        Form<Void> f = new Form<>(id) {
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
        f.setMultiPart(true);
        f.setMaxSize(Bytes.megabytes(8));
        f.add(choice("type", bind(EventDraftForm::getType, EventDraftForm::setType),
                Arrays.stream(EventType.values()).map(EventType::code).toList(),
                code -> getString("event.type." + code)));
        f.add(choice("status", bind(EventDraftForm::getStatus, EventDraftForm::setStatus),
                Arrays.stream(EventStatus.values()).map(EventStatus::code).toList(),
                code -> getString("event.status." + code)));
        f.add(choice("district", bind(EventDraftForm::getDistrict, EventDraftForm::setDistrict),
                District.ALL.stream().map(District::key).toList(),
                k -> District.byKey(k).map(d -> d.name(StaffSession.get().language())).orElse(k)));
        f.add(text("titleRo", EventDraftForm::getTitleRo, EventDraftForm::setTitleRo));
        f.add(text("titleRu", EventDraftForm::getTitleRu, EventDraftForm::setTitleRu));
        f.add(text("startDate", EventDraftForm::getStartDate, EventDraftForm::setStartDate));
        f.add(text("startTime", EventDraftForm::getStartTime, EventDraftForm::setStartTime));
        f.add(text("endDate", EventDraftForm::getEndDate, EventDraftForm::setEndDate));
        f.add(text("endTime", EventDraftForm::getEndTime, EventDraftForm::setEndTime));
        f.add(text("locality", EventDraftForm::getLocality, EventDraftForm::setLocality));
        f.add(text("venue", EventDraftForm::getVenue, EventDraftForm::setVenue));
        f.add(text("partners", EventDraftForm::getPartners, EventDraftForm::setPartners));
        f.add(text("participants", EventDraftForm::getParticipants, EventDraftForm::setParticipants));
        f.add(text("materials", EventDraftForm::getMaterials, EventDraftForm::setMaterials));
        f.add(new TextArea<>("descriptionRo", bind(EventDraftForm::getDescriptionRo, EventDraftForm::setDescriptionRo))
                .setLabel(() -> getString("admin.event.field.descriptionRo")));
        f.add(new TextArea<>("descriptionRu", bind(EventDraftForm::getDescriptionRu, EventDraftForm::setDescriptionRu))
                .setLabel(() -> getString("admin.event.field.descriptionRu")));
        f.add(new CheckBoxMultipleChoice<>("audiences",
                bind(EventDraftForm::getAudiences, EventDraftForm::setAudiences),
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
        List<String> photos = form.getObject().getPhotos();
        f.add(new EventPhotos("photos", photos));
        f.add(new CheckBoxMultipleChoice<>("removePhotos",
                bind(EventDraftForm::getRemovePhotos, EventDraftForm::setRemovePhotos), () -> photos,
                new ChoiceRenderer<>() {
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
        f.add(photo.setLabel(() -> getString("admin.event.field.photos")));
        return f;
    }

    /** A text field; dates and times stay text too (the service parses them strictly), browsers may show pickers. */
    private TextField<String> text(String id, SerializableFunction<EventDraftForm, String> getter,
                                   SerializableBiConsumer<EventDraftForm, String> setter) {
        TextField<String> field = new TextField<>(id, bind(getter, setter)) {
            @Override
            protected String[] getInputTypes() {
                return new String[] {"text", "date", "time"};
            }
        };
        field.setLabel(() -> getString("admin.event.field." + id));
        return field;
    }

    private <T> IModel<T> bind(SerializableFunction<EventDraftForm, T> getter,
                               SerializableBiConsumer<EventDraftForm, T> setter) {
        return LambdaModel.of(form, getter, setter);
    }

    private DropDownChoice<String> choice(String id, IModel<String> model, List<String> choices,
                                          Function<String, String> label) {
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
        EventDraftForm typed = form.getObject();
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
            typed.addPhoto(uploaded.image().id());
        }
        Integer participants = number("participants", typed.getParticipants());
        Integer materials = number("materials", typed.getMaterials());
        if (anyFieldInError()) {
            return;
        }
        EventSaveResult result = PortalApplication.get().events().save(user(),
                typed.toDraft(key, participants, materials));
        if (result instanceof EventSaveResult.Saved saved) {
            getSession().info(getString(key == null ? "admin.event.created" : "admin.event.saved"));
            setResponsePage(EventEditPage.class, parameters(saved.event().key()));
        } else if (result instanceof EventSaveResult.Rejected rejected) {
            for (EventProblem p : rejected.problems()) {
                SaveProblems.report(this, "admin.event", p.field(), p.code().name(), p.detail());
            }
        } else if (result instanceof EventSaveResult.Conflict conflict) {
            // What the trainer typed stays in the form; the next save is based on the version saved meanwhile.
            typed.setVersion(conflict.theirs().version());
            error(Texts.format(getString("admin.event.conflict"), getLocale(),
                    Texts.dateTime(conflict.theirs().updatedAt(), getLocale())));
        }
    }

    private boolean anyFieldInError() {
        return get("form:participants").hasErrorMessage() || get("form:materials").hasErrorMessage();
    }

    /** A count typed as text: empty is "not recorded", anything but a whole number is refused here. */
    private Integer number(String field, String typed) {
        String text = typed == null ? "" : typed.strip();
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
