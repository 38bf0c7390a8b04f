package md.migratiesigura.portal.web.home;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/** Each language's front page, {@code /ro/} and {@code /ru/}: every public page lives below one of them. */
public final class HomeRoutes {

    private static final LocalizedPath HOME = new LocalizedPath("/ro/", "/ru/");

    private HomeRoutes() {
    }

    public static void mount(WebApplication application) {
        HOME.mount(application, "", HomePage.class);
    }

    public static String home(Language language) {
        return HOME.in(language);
    }

    /** Every public page, for the filters meant for them alone (the page cache): {@code /ro/*}, {@code /ru/*}. */
    public static List<String> publicPages() {
        return HOME.all("*");
    }
}
