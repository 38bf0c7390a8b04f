package md.migratiesigura.portal.web.register;

import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.register.RegisterDenied;
import md.migratiesigura.portal.register.RegisterException;
import md.migratiesigura.portal.register.RegisterProblem;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.Component;
import org.apache.wicket.resource.loader.PackageStringResourceLoader;

/**
 * The register's refusals in the user's language, from this package's properties, for its own pages and for the
 * pages of other features that record entries (closing a consultation).
 */
public final class RegisterMessages {

    private static final PackageStringResourceLoader TEXTS = new PackageStringResourceLoader();

    private RegisterMessages() {
    }

    /** A text of this package in the component's language. */
    static String text(Component component, String key) {
        String text = TEXTS.loadStringResource(RegisterMessages.class, key, component.getLocale(), null, null);
        return text != null ? text : key;
    }

    /** The register's words for a kind (for forms of other features that record entries: closing a chat). */
    public static String kind(Component component, EntryKind kind) {
        return text(component, "register.kind." + kind.code());
    }

    public static String of(Component component, RegisterException e) {
        return problem(component, e.problem(), e.arguments().toArray());
    }

    public static String of(Component component, RegisterDenied e) {
        return text(component, "register.denied." + e.reason().name());
    }

    static String problem(Component component, RegisterProblem problem, Object... arguments) {
        Object[] named = arguments.clone();
        if (problem == RegisterProblem.MISSING_VALUE && named.length == 1) {
            named[0] = text(component, "register.field." + named[0]);
        }
        return Texts.format(text(component, "register.problem." + problem.name()), component.getLocale(), named);
    }
}
