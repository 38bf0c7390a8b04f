package md.migratiesigura.portal.web.consultation;

import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.consultation.ConsultationDetail;
import md.migratiesigura.portal.consultation.ConsultationException;
import md.migratiesigura.portal.consultation.ConsultationService;
import md.migratiesigura.portal.consultation.Delivery;
import md.migratiesigura.portal.consultation.MessageKind;
import md.migratiesigura.portal.consultation.ReferralView;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.register.RegisterException;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.StaffActions;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.register.CloseKindPanel;
import md.migratiesigura.portal.web.register.RegisterMessages;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.basic.MultiLineLabel;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * One consultation for a counsellor: the question and contact (decrypted), replies and internal notes in order,
 * and the actions: take it on, reply (sent by the person's channel, or kept behind the ticket), note, refer, close.
 * Opening it and every action are in the audit log, by ticket code only. The page keeps the consultation's id, never
 * its texts: they are decrypted again for each render and dropped when it ends, and what was typed into the reply
 * and note boxes is forgotten once shown back, so the stored page holds nothing a person wrote.
 */
@AuthorizeInstantiation({StaffRoles.COUNSELLOR, StaffRoles.ADMINISTRATOR})
public class ConsultationCasePage extends AdminBasePage {

    private final long id;
    private final LoadableDetachableModel<ConsultationDetail> detail;
    private final IModel<String> reply = Model.of("");
    private final IModel<String> note = Model.of("");
    private final TextArea<String> replyField = new TextArea<>("reply", reply);
    private final TextArea<String> noteField = new TextArea<>("note", note);
    private final IModel<ReferralView> referral = Model.of((ReferralView) null);

    public ConsultationCasePage(PageParameters parameters) {
        super(parameters);
        this.id = idOf(parameters);
        ConsultationDetail opened = PortalApplication.get().consultations().open(id, user()).orElseThrow(
                () -> new AbortWithHttpErrorCodeException(404));
        this.detail = LoadableDetachableModel.of(() -> PortalApplication.get().consultations().find(id).orElseThrow(
                () -> new AbortWithHttpErrorCodeException(404)));
        // The first render uses what open() decrypted; the model lets go of it when the request ends.
        detail.setObject(opened);
        referral.setObject(opened.referral());

        add(new BookmarkablePageLink<Void>("inbox", ConsultationsPage.class));
        add(new Label("ticket", detail.map(ConsultationDetail::displayTicket)));
        add(new Label("sos", getString("admin.consultations.sos")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(detail.getObject().sos());
            }
        });
        add(new FeedbackPanel("feedback"));
        add(new Label("topic", detail.map(d -> getString("consultation.topic." + d.topic().code()))));
        add(new Label("language", detail.map(d -> getString("admin.consultations.language." + d.language().code()))));
        add(new Label("asked", detail.map(d -> Texts.dateTime(d.askedAt(), getLocale()))));
        add(new Label("status", detail.map(d -> d.closed()
                ? Texts.format(getString("admin.consultations.closedOn"), getLocale(), Texts.dateTime(d.closedAt(), getLocale()))
                : getString("admin.consultations.open"))));
        add(new Label("assignee", detail.map(d -> d.assignee() == null ? getString("admin.consultations.nobody") : d.assignee())));
        add(new Label("channel", detail.map(d -> getString("admin.consultations.channel." + d.channel().code()))));
        add(new Label("contact", detail.map(d -> d.contact() == null ? "—" : d.contact())));
        add(new Label("referral", detail.map(d -> d.referral() == null ? getString("admin.consultations.noReferral")
                : d.referral().name(staffLanguage()))));
        add(new MultiLineLabel("question", detail.map(ConsultationDetail::question)));
        add(new ListView<>("messages", detail.map(ConsultationDetail::messages)) {
            @Override
            protected void populateItem(ListItem<ConsultationDetail.MessageView> item) {
                // Each label reads through the item's model (the list's index): no text is copied into the page.
                IModel<ConsultationDetail.MessageView> m = item.getModel();
                MessageKind kind = m.getObject().kind();
                item.add(AttributeModifier.append("class", kind == MessageKind.NOTE ? "note" : "reply"));
                item.add(new Label("kind", m.map(v -> getString("admin.consultations.kind." + v.kind().name()))));
                item.add(new Label("author", m.map(v -> v.author() == null ? "—" : v.author())));
                item.add(new Label("at", m.map(v -> Texts.dateTime(v.at(), getLocale()))));
                item.add(new Label("delivery", m.map(v -> getString("admin.consultations.delivery." + v.delivery().name())
                        + (v.deliveryFailure() == null ? ""
                                : ": " + getString("admin.consultations.deliveryFailure." + v.deliveryFailure().name()))))
                        .setVisible(kind == MessageKind.REPLY));
                item.add(new MultiLineLabel("text", m.map(ConsultationDetail.MessageView::text)));
            }
        });
        add(newActions("actions"));
    }

    private WebMarkupContainer newActions(String id) {
        WebMarkupContainer actions = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!detail.getObject().closed());
            }
        };
        actions.add(new Form<Void>("assignForm") {
            @Override
            protected void onSubmit() {
                act(() -> PortalApplication.get().consultations().assignToMe(ConsultationCasePage.this.id, user()),
                        "admin.consultations.assigned");
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                Long assignee = detail.getObject().assigneeId();
                setVisible(assignee == null || assignee != user().id());
            }
        });
        Form<Void> replyForm = new Form<>("replyForm") {
            @Override
            protected void onSubmit() {
                try {
                    Delivery delivery = PortalApplication.get().consultations().reply(ConsultationCasePage.this.id,
                            user(), reply.getObject());
                    info(getString("admin.consultations.replied." + delivery.name()));
                    reply.setObject("");
                } catch (ConsultationException e) {
                    error(getString("consultation.error." + e.reason().name()));
                }
            }
        };
        replyForm.add(replyField.add(AttributeModifier.replace("maxlength", ConsultationService.MAX_MESSAGE)));
        replyForm.add(new Label("replyHint", detail.map(d -> getString(d.channel().code().equals("email")
                && !PortalApplication.get().consultations().mailEnabled() ? "admin.consultations.replyHint.mailOff"
                : "admin.consultations.replyHint." + d.channel().code()))));
        actions.add(replyForm);
        Form<Void> noteForm = new Form<>("noteForm") {
            @Override
            protected void onSubmit() {
                act(() -> PortalApplication.get().consultations().addNote(ConsultationCasePage.this.id, user(),
                        note.getObject()), "admin.consultations.noted");
                if (!hasErrorMessage()) {
                    note.setObject("");
                }
            }
        };
        noteForm.add(noteField.add(AttributeModifier.replace("maxlength", ConsultationService.MAX_MESSAGE)));
        actions.add(noteForm);
        Form<Void> referralForm = new Form<>("referralForm") {
            @Override
            protected void onSubmit() {
                ReferralView chosen = referral.getObject();
                act(() -> PortalApplication.get().consultations().refer(ConsultationCasePage.this.id, user(),
                        chosen == null ? null : chosen.id()),
                        "admin.consultations.referred");
            }
        };
        DropDownChoice<ReferralView> referrals = new DropDownChoice<>("referral", referral,
                LoadableDetachableModel.of(this::referralChoices),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(ReferralView r) {
                        return r.name(staffLanguage());
                    }

                    @Override
                    public String getIdValue(ReferralView r, int index) {
                        return Long.toString(r.id());
                    }
                });
        referrals.setNullValid(true);
        referralForm.add(referrals);
        actions.add(referralForm);
        // The counsellor confirms the kind the register records the consultation as (an SOS one as SOS, a referred
        // one as a referral, else prevention, unless they choose otherwise).
        IModel<EntryKind> closingKind = Model.of(detail.getObject().sos() ? EntryKind.SOS
                : detail.getObject().referral() != null ? EntryKind.REFERRAL : EntryKind.PREVENTION);
        Form<Void> closeForm = new Form<>("closeForm") {
            @Override
            protected void onSubmit() {
                try {
                    act(() -> PortalApplication.get().consultations().close(ConsultationCasePage.this.id, user(),
                            closingKind.getObject()), "admin.consultations.closedNow");
                } catch (RegisterException e) {
                    error(RegisterMessages.of(this, e));
                }
            }
        };
        closeForm.add(new CloseKindPanel("kind", closingKind));
        actions.add(closeForm);
        actions.add(new Label("retention", () -> Texts.format(getString("admin.consultations.retention"), getLocale(),
                PortalApplication.get().consultations().retentionDays())));
        return actions;
    }

    /** Active referral services, plus the one already chosen even if retired since. */
    private List<ReferralView> referralChoices() {
        List<ReferralView> choices = new ArrayList<>(PortalApplication.get().referrals().referrals(false));
        ReferralView current = detail.getObject().referral();
        if (current != null && choices.stream().noneMatch(r -> r.id() == current.id())) {
            choices.add(current);
        }
        return choices;
    }

    private void act(Runnable action, String doneKey) {
        StaffActions.run(this, action, doneKey);
    }

    @Override
    protected void onDetach() {
        // A reply or note that was refused has been shown back in this response; the stored page keeps none of it.
        reply.setObject("");
        note.setObject("");
        replyField.clearInput();
        noteField.clearInput();
        detail.detach();
        super.onDetach();
    }

    private Language staffLanguage() {
        return StaffSession.get().language();
    }

    private static long idOf(PageParameters parameters) {
        try {
            return parameters.get("id").toLong();
        } catch (RuntimeException e) {
            throw new AbortWithHttpErrorCodeException(404);
        }
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.consultations.case.title") + " " + detail.getObject().displayTicket();
    }
}
