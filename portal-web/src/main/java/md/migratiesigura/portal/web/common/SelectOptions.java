package md.migratiesigura.portal.web.common;

import java.util.List;
import java.util.function.Function;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;

/**
 * The {@code <option>}s of a plain GET filter form (events, materials): a value and a label per choice, the current
 * one selected. The markup is {@code <option wicket:id="…"><wicket:container wicket:id="name"/></option>}.
 */
public final class SelectOptions {

    private SelectOptions() {
    }

    public static <T> ListView<T> of(String id, List<T> choices, Function<T, String> value, Function<T, String> label,
                                     T selected) {
        return new ListView<>(id, choices) {
            @Override
            protected void populateItem(ListItem<T> item) {
                T choice = item.getModelObject();
                item.add(AttributeModifier.replace("value", value.apply(choice)));
                item.add(AttributeModifier.replace("selected", choice.equals(selected) ? "selected" : null));
                item.add(new Label("name", label.apply(choice)).setRenderBodyOnly(true));
            }
        };
    }
}
