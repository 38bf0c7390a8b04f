package md.migratiesigura.portal.web.chat;

import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/** The live chat's addresses: the reader's page, the reader's API, the counsellors' console and its feed. */
public final class ChatRoutes {

    private static final LocalizedPath PAGE = new LocalizedPath("/ro/chat", "/ru/chat");
    /** The reader's JSON API (contract in docs/api.md), served by {@link ChatApiServlet}. */
    public static final String API = "/api/v1/chat";
    public static final String CONSOLE = "/admin/chat";
    /** The console's JSON feed: what it shows, and what a counsellor does. */
    public static final String CONSOLE_FEED = "/admin/chat/feed";

    private ChatRoutes() {
    }

    public static void mount(WebApplication application) {
        PAGE.mount(application, "", ChatPage.class);
        application.mount(new ExactMountedMapper(CONSOLE, ChatConsolePage.class));
        application.mountResource(CONSOLE_FEED, ChatConsoleFeed.REFERENCE);
    }

    public static String page(Language language) {
        return PAGE.in(language);
    }

    /** What {@link ChatApiServlet} is mapped to. */
    public static List<String> apiPaths() {
        return List.of(API, API + "/*");
    }

    /** The reader's page and API: nothing of a conversation stays in a cache or is compressed (BREACH). */
    public static List<String> privatePaths() {
        List<String> paths = new ArrayList<>(PAGE.all(""));
        paths.addAll(apiPaths());
        return paths;
    }
}
