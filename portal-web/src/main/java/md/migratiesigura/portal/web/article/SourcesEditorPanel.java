package md.migratiesigura.portal.web.article;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.article.ArticleDraftForm.SourceRow;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.FormComponent;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.danekja.java.util.function.serializable.SerializableBiConsumer;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * The sources of a language version as rows of the editor's form: title, publisher, address and date consulted.
 * "Add a source" and each row's "Remove" are submit buttons that keep everything typed and save nothing, so the
 * rows work without JavaScript; a row left wholly blank is not saved.
 */
public class SourcesEditorPanel extends Panel {

    private final ListView<SourceRow> rows;

    public SourcesEditorPanel(String id, IModel<ArticleDraftForm> form, Language language) {
        super(id);
        IModel<List<SourceRow>> list = form.map(ArticleDraftForm::getSources);
        rows = new ListView<>("rows", list) {
            @Override
            protected void populateItem(ListItem<SourceRow> item) {
                int index = item.getIndex();
                String suffix = "-" + language.code() + "-" + index;
                item.add(new Label("legend", () -> numbered(getString("admin.editor.source.legend"), index + 1)));
                item.add(field(item, "title", SourceRow::getTitle, SourceRow::setTitle, "text", suffix));
                item.add(field(item, "publisher", SourceRow::getPublisher, SourceRow::setPublisher, "text", suffix));
                item.add(field(item, "url", SourceRow::getUrl, SourceRow::setUrl, "url", suffix));
                item.add(field(item, "consulted", SourceRow::getConsulted, SourceRow::setConsulted, "date", suffix));
                item.add(new Button("remove") {
                    @Override
                    public void onSubmit() {
                        List<SourceRow> sources = form.getObject().getSources();
                        if (index < sources.size()) {
                            sources.remove(index);
                        }
                        rows.removeAll();
                    }
                }.add(AttributeModifier.replace("aria-label",
                        () -> numbered(getString("admin.editor.source.removeLabel"), index + 1))));
            }
        };
        rows.setReuseItems(true);
        add(rows);
        add(new Button("add") {
            @Override
            public void onSubmit() {
                form.getObject().getSources().add(new SourceRow());
                rows.removeAll();
            }
        });
    }

    /** The component of a row's field ({@code title}, {@code publisher}, {@code url}, {@code consulted}), or null. */
    public Component fieldOf(int row, String name) {
        return get("rows:" + row + ":" + name);
    }

    private FormComponent<String> field(ListItem<SourceRow> item, String name,
                                        SerializableFunction<SourceRow, String> getter,
                                        SerializableBiConsumer<SourceRow, String> setter, String type, String suffix) {
        TextField<String> field = new TextField<>(name, LambdaModel.of(item.getModel(), getter, setter)) {
            @Override
            protected String[] getInputTypes() {
                return new String[] {type};
            }
        };
        field.setLabel(() -> getString("admin.editor.field.source." + name));
        field.setMarkupId("source-" + name + suffix);
        return field;
    }

    /** Rows are numbered from 1 in labels, as readers count. */
    private static String numbered(String pattern, int n) {
        return pattern.replace("{0}", String.valueOf(n));
    }
}
