package md.migratiesigura.portal.web.chat;

import java.util.List;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.JavaScriptResourceReference;

/**
 * The counsellors' chat console: available or paused, the waiting chats (SOS first; language and waiting time, never
 * a text), and the counsellor's chats side by side, kept current by {@code chat-console.js} against
 * {@link ChatConsoleFeed} without reloading. The test hooks of spec 8: {@code data-chat-accept},
 * {@code textarea[name=message]}, {@code data-chat-send}, {@code [data-chat-log]}.
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
