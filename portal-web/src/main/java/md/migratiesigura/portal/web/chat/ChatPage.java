package md.migratiesigura.portal.web.chat;

import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.NoStorePage;
import md.migratiesigura.portal.web.consultation.ConsultationRoutes;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.JavaScriptResourceReference;

/**
 * The reader's chat page: stateless, no cookie, no storage. The page itself only asks "are you in danger now?", the
 * language, and says what the chat is and is not; {@code chat.js} talks to the API ({@link ChatApiServlet}) and keeps
 * the token in the page's memory only. Outside the hours it says so and offers the hotline and the written
 * consultation. Served with {@code no-store}, so that Back after leaving shows nothing of a conversation.
 */
public class ChatPage extends NoStorePage {

    static final JavaScriptResourceReference SCRIPT = new JavaScriptResourceReference(ChatPage.class, "chat.js");

    public ChatPage(PageParameters parameters) {
        super(parameters);
        boolean open = PortalApplication.get().chat().withinHours();
        String consultation = ConsultationRoutes.consultation(language());
        WebMarkupContainer closed = new WebMarkupContainer("closedNow");
        closed.setVisible(!open);
        closed.add(new Label("opens", PortalApplication.get().chat().opens()));
        add(closed);
        WebMarkupContainer chat = new WebMarkupContainer("chat");
        chat.setVisible(open);
        chat.add(AttributeModifier.replace("data-lang", language().code()));
        chat.add(AttributeModifier.replace("data-consultation", consultation));
        add(chat);
        add(new WebMarkupContainer("consultationLink").add(AttributeModifier.replace("href", consultation)));
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("chat.title");
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(JavaScriptHeaderItem.forReference(SCRIPT).setDefer(true));
    }
}
