package md.migratiesigura.portal.web.article;

import java.util.List;
import md.migratiesigura.portal.article.ContentChecks;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;

/**
 * The editor's pre-publish checks on the Markdown being edited: warnings only, shown beside the text, never fixed
 * for the editor and never in the way of saving or publishing. Hidden when there is nothing to say.
 */
public class ContentChecksPanel extends Panel {

    private static final ContentChecks CHECKS = new ContentChecks();

    private final IModel<List<ContentChecks.Warning>> warnings;

    public ContentChecksPanel(String id, IModel<String> markdown) {
        super(id);
        warnings = LoadableDetachableModel.of(() -> CHECKS.check(markdown.getObject()));
        add(new ListView<>("warning", warnings) {
            @Override
            protected void populateItem(ListItem<ContentChecks.Warning> item) {
                ContentChecks.Warning w = item.getModelObject();
                item.add(new Label("text", getString("admin.checks." + w.kind().name())));
                item.add(new Label("detail", w.detail()));
            }
        });
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        setVisible(!warnings.getObject().isEmpty());
    }

    @Override
    protected void onDetach() {
        warnings.detach();
        super.onDetach();
    }
}
