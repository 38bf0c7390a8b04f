package md.migratiesigura.portal.web.register;

import org.apache.wicket.Component;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * Shows a register category (channel, kind, case, form of exploitation) by the words {@code prefix + code} of this
 * package, and sends its stable code as the option's value.
 */
final class CodeRenderer<E> extends ChoiceRenderer<E> {

    private final Component owner;
    private final String prefix;
    private final SerializableFunction<E, String> code;

    CodeRenderer(Component owner, String prefix, SerializableFunction<E, String> code) {
        this.owner = owner;
        this.prefix = prefix;
        this.code = code;
    }

    @Override
    public Object getDisplayValue(E value) {
        return owner.getString(prefix + code.apply(value));
    }

    @Override
    public String getIdValue(E value, int index) {
        return code.apply(value);
    }
}
