package md.migratiesigura.portal.web.chat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.chat.CannedAnswer;
import md.migratiesigura.portal.chat.ChatCounts;
import md.migratiesigura.portal.chat.ChatException;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.register.RegisterMessages;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.JavaScriptResourceReference;

/**
 * The counsellors' chat console: available or paused, the waiting chats (SOS first; language and waiting time, never
 * a text), and the counsellor's chats side by side, kept current by {@code chat-console.js} against
 * {@link ChatConsoleFeed} without reloading. The browser tests' hooks: {@code data-chat-accept},
 * {@code textarea[name=message]}, {@code data-chat-send}, {@code [data-chat-log]}. Administrators also keep the
 * canned answers here.
 */
@AuthorizeInstantiation({StaffRoles.COUNSELLOR, StaffRoles.ADMINISTRATOR})
public class ChatConsolePage extends AdminBasePage {

    static final JavaScriptResourceReference SCRIPT =
            new JavaScriptResourceReference(ChatConsolePage.class, "chat-console.js");

    public ChatConsolePage(PageParameters parameters) {
        super(parameters);
        add(new ListView<>("topics", List.of(Topic.values())) {
            @Override
            protected void populateItem(ListItem<Topic> item) {
                item.add(AttributeModifier.replace("value", item.getModelObject().code()));
                item.add(new Label("name", getString("consultation.topic." + item.getModelObject().code())));
            }
        });
        // The kinds of the hotline register, confirmed on closing (the script preselects SOS for an SOS chat).
        add(new ListView<>("kinds", List.of(EntryKind.values())) {
            @Override
            protected void populateItem(ListItem<EntryKind> item) {
                item.add(AttributeModifier.replace("value", item.getModelObject().code()));
                item.add(new Label("name", RegisterMessages.kind(this, item.getModelObject())));
            }
        });
        add(newCannedAnswers("canned"));
        add(newMonth("month"));
    }

    /** This month's numbers, per language (administrators): what outlives the chats. */
    private WebMarkupContainer newMonth(String id) {
        WebMarkupContainer month = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(user() != null && user().role() == Role.ADMINISTRATOR);
            }
        };
        IModel<ChatCounts.Month> counts = LoadableDetachableModel.of(() -> PortalApplication.get().chat()
                .month(YearMonth.now(PortalTime.ZONE)));
        month.add(new ListView<>("languages", List.of(Language.values())) {
            @Override
            protected void populateItem(ListItem<Language> item) {
                Map<String, Integer> n = counts.getObject().counts().getOrDefault(item.getModelObject().code(), Map.of());
                item.add(new Label("lang", item.getModelObject().code().toUpperCase()));
                item.add(new Label("offered", n.getOrDefault(ChatCounts.OFFERED, 0)));
                item.add(new Label("answered", n.getOrDefault(ChatCounts.ANSWERED, 0)));
                item.add(new Label("abandoned", n.getOrDefault(ChatCounts.ABANDONED, 0)));
                item.add(new Label("turnedAway", n.getOrDefault(ChatCounts.TURNED_AWAY_HOURS, 0)
                        + n.getOrDefault(ChatCounts.TURNED_AWAY_NO_COUNSELLOR, 0)
                        + n.getOrDefault(ChatCounts.TURNED_AWAY_FULL, 0)));
                item.add(new Label("sos", n.getOrDefault(ChatCounts.SOS, 0)));
            }
        });
        month.add(new Label("median", counts.map(c -> c.medianWait() == null ? "—" : String.valueOf(c.medianWait()))));
        month.add(new Label("p90", counts.map(c -> c.p90Wait() == null ? "—" : String.valueOf(c.p90Wait()))));
        return month;
    }

    private WebMarkupContainer newCannedAnswers(String id) {
        WebMarkupContainer canned = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(user() != null && user().role() == Role.ADMINISTRATOR);
            }
        };
        IModel<List<CannedAnswer>> answers = LoadableDetachableModel.of(
                () -> PortalApplication.get().cannedAnswers().all());
        canned.add(new ListView<>("answers", answers) {
            @Override
            protected void populateItem(ListItem<CannedAnswer> item) {
                CannedAnswer answer = item.getModelObject();
                item.add(new Label("lang", answer.language().code().toUpperCase()));
                item.add(new Label("text", answer.text()));
                item.add(new Form<Void>("delete") {
                    @Override
                    protected void onSubmit() {
                        PortalApplication.get().cannedAnswers().delete(user(), answer.id());
                    }
                });
            }
        });
        IModel<Language> language = Model.of(Language.RO);
        IModel<String> text = Model.of("");
        Form<Void> add = new Form<>("add") {
            @Override
            protected void onSubmit() {
                try {
                    PortalApplication.get().cannedAnswers().add(user(), language.getObject(),
                            text.getObject());
                    text.setObject("");
                } catch (ChatException e) {
                    error(getString("chat.canned.invalid"));
                }
            }
        };
        add.add(new DropDownChoice<>("lang", language, List.of(Language.values()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(Language object) {
                        return object.code().toUpperCase();
                    }

                    @Override
                    public String getIdValue(Language object, int index) {
                        return object.code();
                    }
                }).setRequired(true));
        add.add(new TextArea<>("text", text).setRequired(true)
                .setLabel(() -> getString("chat.canned.text")));
        canned.add(add);
        canned.add(new FeedbackPanel("feedback"));
        return canned;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("chat.console.title");
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(JavaScriptHeaderItem.forReference(SCRIPT).setDefer(true));
    }
}
