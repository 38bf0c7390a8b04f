package md.migratiesigura.portal.web.consultation;

import java.util.List;
import md.migratiesigura.portal.account.HashingBusyException;
import md.migratiesigura.portal.consultation.AnswerLookup;
import md.migratiesigura.portal.consultation.Tickets;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.NoStorePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.ClientAddress;
import md.migratiesigura.portal.web.security.HashingBusy;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.basic.MultiLineLabel;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Reading the answer with the ticket code and the secret phrase, sent by POST so that neither appears in an
 * address. A wrong phrase and an unknown code get the same message; too many wrong tries, a polite wait.
 */
public class ConsultationAnswerPage extends NoStorePage {

    private final IModel<String> ticket = Model.of("");
    private final IModel<String> phrase = Model.of("");
    private AnswerLookup.Found found;

    public ConsultationAnswerPage(PageParameters parameters) {
        super(parameters);
        StatelessForm<Void> form = new StatelessForm<>("form") {
            @Override
            protected void onSubmit() {
                read();
            }
        };
        form.add(new FeedbackPanel("feedback"));
        form.add(new TextField<>("ticket", ticket).add(AttributeModifier.replace("maxlength", 24)));
        form.add(new TextField<>("phrase", phrase).add(AttributeModifier.replace("maxlength", 40)));
        add(form);

        WebMarkupContainer answer = new WebMarkupContainer("answer") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(found != null);
            }
        };
        answer.add(new Label("ticketShown", () -> found == null ? "" : Tickets.display(found.ticket())));
        answer.add(new Label("topic", () -> found == null ? "" : getString("consultation.topic." + found.topic().code())));
        answer.add(new Label("asked", () -> found == null ? "" : Texts.dateTime(found.askedAt(), getLocale())));
        answer.add(new MultiLineLabel("question", () -> found == null ? "" : found.question()));
        answer.add(new Label("state", () -> found == null ? "" : getString(found.closed() ? "consultation.answer.closed"
                : found.replies().isEmpty() ? "consultation.answer.waiting" : "consultation.answer.open")));
        answer.add(new ListView<>("replies", () -> found == null ? List.<AnswerLookup.Reply>of() : found.replies()) {
            @Override
            protected void populateItem(ListItem<AnswerLookup.Reply> item) {
                item.add(new Label("at", Texts.dateTime(item.getModelObject().at(), getLocale())));
                item.add(new MultiLineLabel("text", item.getModelObject().text()));
            }
        });
        add(answer);
        add(new BookmarkablePageLink<Void>("ask", ConsultationPage.class, parametersIn(language())));
    }

    private void read() {
        AnswerLookup result;
        try {
            result = PortalApplication.get().consultations().readAnswer(ticket.getObject(), phrase.getObject(),
                    ClientAddress.of(getRequest()));
        } catch (HashingBusyException e) {
            HashingBusy.refuse(this, "busy.retry", e);
            return;
        }
        if (result instanceof AnswerLookup.Found f) {
            found = f;
            phrase.setObject("");
        } else if (result instanceof AnswerLookup.Throttled t) {
            long minutes = Math.max(1, (t.retryAfter().toSeconds() + 59) / 60);
            error(Texts.plural(getString("consultation.answer.throttled"), getLocale(), minutes));
            respondWith(429);
        } else {
            error(getString("consultation.answer.notFound"));
            respondWith(404);
        }
    }

    @Override
    protected boolean isIndexable() {
        return false;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("consultation.answer.title");
    }
}
