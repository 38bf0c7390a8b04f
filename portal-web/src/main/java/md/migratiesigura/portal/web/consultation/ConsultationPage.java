package md.migratiesigura.portal.web.consultation;

import java.util.List;
import java.util.function.Function;
import md.migratiesigura.portal.account.HashingBusyException;
import md.migratiesigura.portal.consultation.Channel;
import md.migratiesigura.portal.consultation.ConsultationException;
import md.migratiesigura.portal.consultation.ConsultationService;
import md.migratiesigura.portal.consultation.FormStamps;
import md.migratiesigura.portal.consultation.NewConsultation;
import md.migratiesigura.portal.consultation.Submitted;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.NoStorePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.ClientAddress;
import md.migratiesigura.portal.web.security.HashingBusy;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.AbstractChoice;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.HiddenField;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
import org.apache.wicket.markup.html.form.RadioChoice;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Asking a counsellor, without an account: topic, question, how to be answered, and an "I am in danger now" choice
 * that shows first what to do. A stateless POST form (no session, no cookie, nothing in the address); against
 * abuse a hidden field no person fills, a signed timestamp for a minimum fill time, and a limit per client
 * address kept in memory. After sending, the ticket code and the secret phrase are shown once.
 */
public class ConsultationPage extends NoStorePage {

    /** {@code ?sos=1}: the person said they are in danger; what to do comes first. */
    public static final String SOS = "sos";

    private final IModel<Topic> topic = Model.of((Topic) null);
    private final IModel<String> question = Model.of("");
    private final IModel<Boolean> sos;
    private final IModel<Channel> channel = Model.of(Channel.TICKET);
    private final IModel<String> contact = Model.of("");
    private final IModel<Boolean> consent = Model.of(false);
    private final IModel<String> stamp;
    private final IModel<String> honeypot = Model.of("");
    private Submitted sent;
    private Channel sentChannel;

    public ConsultationPage(PageParameters parameters) {
        super(parameters);
        this.sos = Model.of(!parameters.get(SOS).isEmpty());
        this.stamp = Model.of(PortalApplication.get().consultations().formStamps().issue());

        add(new WebMarkupContainer("danger") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(Boolean.TRUE.equals(sos.getObject()));
            }
        });
        add(new BookmarkablePageLink<Void>("dangerLink", ConsultationPage.class, parametersIn(language()).set(SOS, 1)) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!Boolean.TRUE.equals(sos.getObject()) && sent == null);
            }
        });
        add(newConfirmation("sent"));
        add(new WebMarkupContainer("intro") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(sent == null);
            }
        });
        add(newForm("form"));
        add(new BookmarkablePageLink<Void>("answerLink", ConsultationAnswerPage.class, parametersIn(language())));
    }

    private WebMarkupContainer newConfirmation(String id) {
        WebMarkupContainer confirmation = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(sent != null);
            }
        };
        confirmation.add(new Label("ticket", () -> sent == null ? "" : sent.displayTicket()));
        confirmation.add(new Label("phrase", () -> sent == null ? "" : sent.phrase()));
        confirmation.add(new Label("how", () -> sentChannel == null ? "" : getString(switch (sentChannel) {
            case EMAIL -> PortalApplication.get().consultations().mailEnabled() ? "consultation.sent.email" : "consultation.sent.ticket";
            case PHONE -> "consultation.sent.phone";
            case TICKET -> "consultation.sent.ticket";
        })));
        confirmation.add(new BookmarkablePageLink<Void>("read", ConsultationAnswerPage.class, parametersIn(language())));
        return confirmation;
    }

    private StatelessForm<Void> newForm(String id) {
        StatelessForm<Void> form = new StatelessForm<>(id) {
            @Override
            protected void onSubmit() {
                sendQuestion();
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(sent == null);
            }
        };
        form.add(new FeedbackPanel("feedback"));
        form.add(codeChoice("topic", topic, List.of(Topic.values()), Topic::code, "consultation.topic."));
        form.add(new TextArea<>("question", question)
                .add(AttributeModifier.replace("maxlength", ConsultationService.MAX_QUESTION)));
        form.add(new CheckBox("sos", sos));
        form.add(codeChoice("channel", channel, List.of(Channel.values()), Channel::code, "consultation.channel."));
        form.add(new TextField<>("contact", contact)
                .add(AttributeModifier.replace("maxlength", ConsultationService.MAX_CONTACT)));
        form.add(new Label("consentText", () -> Texts.format(getString("consultation.consent.text"), getLocale(),
                PortalApplication.get().consultations().retentionDays())));
        form.add(new CheckBox("consent", consent));
        form.add(new HiddenField<>("stamp", stamp));
        form.add(new TextField<>("website", honeypot));
        return form;
    }

    /** Radio buttons whose values are stable codes and whose labels are the texts under {@code keyPrefix + code}. */
    private <T> RadioChoice<T> codeChoice(String id, IModel<T> model, List<T> values, Function<T, String> code,
                                          String keyPrefix) {
        RadioChoice<T> choice = new RadioChoice<>(id, model, values, new IChoiceRenderer<>() {
            @Override
            public Object getDisplayValue(T value) {
                return getString(keyPrefix + code.apply(value));
            }

            @Override
            public String getIdValue(T value, int index) {
                return code.apply(value);
            }
        });
        choice.setLabelPosition(AbstractChoice.LabelPosition.WRAP_AFTER);
        return choice;
    }

    private void sendQuestion() {
        if (honeypot.getObject() != null && !honeypot.getObject().isBlank()) {
            // Only a program fills a field that people never see: refused, nothing stored, nothing logged.
            refuse("consultation.refused.automatic", 400);
            return;
        }
        FormStamps stamps = PortalApplication.get().consultations().formStamps();
        // Checked and used up in one step: the same form sent many times at once sends one question.
        FormStamps.Verdict verdict = stamps.claim(stamp.getObject());
        switch (verdict) {
            case INVALID -> {
                stamp.setObject(stamps.issue());
                refuse("consultation.refused.expired", 400);
                return;
            }
            case TOO_FAST -> {
                refuse("consultation.refused.tooFast", 400);
                return;
            }
            case USED -> {
                refuse("consultation.refused.used", 400);
                return;
            }
            case OK -> {
                // go on
            }
        }
        if (!Boolean.TRUE.equals(consent.getObject())) {
            stamps.release(stamp.getObject());
            refuse("consultation.error.CONSENT", 400);
            return;
        }
        boolean stored = false;
        try {
            Channel chosen = channel.getObject() == null ? Channel.TICKET : channel.getObject();
            sent = PortalApplication.get().consultations().submit(new NewConsultation(language(), topic.getObject(), question.getObject(),
                    Boolean.TRUE.equals(sos.getObject()), chosen, contact.getObject()), ClientAddress.of(getRequest()));
            stored = true;
            sentChannel = chosen;
            question.setObject("");
            contact.setObject("");
        } catch (ConsultationException e) {
            refuse("consultation.error." + e.reason().name(),
                    e.reason() == ConsultationException.Reason.RATE_LIMITED ? 429 : 400);
        } catch (HashingBusyException e) {
            HashingBusy.refuse(this, "consultation.refused.busy", e);
        } finally {
            if (!stored) {
                // Refused: the person may correct the form and send it again.
                stamps.release(stamp.getObject());
            }
        }
    }

    private void refuse(String key, int httpStatus) {
        error(getString(key));
        respondWith(httpStatus);
    }


    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("consultation.title");
    }

    @Override
    protected IModel<String> description() {
        return () -> getString("consultation.lead");
    }
}
