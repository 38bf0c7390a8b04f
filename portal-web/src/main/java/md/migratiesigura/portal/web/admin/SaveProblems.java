package md.migratiesigura.portal.web.admin;

import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.Component;
import org.apache.wicket.MarkupContainer;

/** How the problems of a refused save read on the back office's forms: the field's label, what is wrong, the detail. */
public final class SaveProblems {

    private SaveProblems() {
    }

    /**
     * {@code keys + ".problem." + code} filled with the label of the field ({@code keys + ".field." + field}, else the
     * field's own name) and the detail; {@code keys} is the form's prefix, such as {@code admin.editor}.
     */
    public static String message(Component component, String keys, String field, String code, String detail) {
        String label = component.getString(keys + ".field." + field, null, field);
        return Texts.format(component.getString(keys + ".problem." + code), component.getLocale(), label,
                detail == null ? "" : detail);
    }

    /** Shows the message on the field's component in the container's {@code form}, else on the container. */
    public static void report(MarkupContainer container, String keys, String field, String code, String detail) {
        Component component = container.get("form:" + field);
        (component != null ? component : container).error(message(container, keys, field, code, detail));
    }
}
