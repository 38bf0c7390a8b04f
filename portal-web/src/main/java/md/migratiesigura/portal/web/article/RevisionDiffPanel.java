package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.article.RevisionDiff;
import md.migratiesigura.portal.article.RevisionDiff.DiffLine;
import md.migratiesigura.portal.article.RevisionDiff.FieldChange;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/**
 * Two revisions compared: the fields that changed (before → after), then the Markdown body line by line with
 * removed and added lines marked by colour and by a − or + sign (so it reads without colour too). Every text is
 * escaped: a revision's Markdown is shown as written, never rendered.
 */
public class RevisionDiffPanel extends Panel {

    public RevisionDiffPanel(String id, IModel<RevisionDiff> diff) {
        super(id, diff);
        add(new Label("heading", () -> diff.getObject() == null ? "" : Texts.format(getString("admin.diff.heading"),
                getLocale(), diff.getObject().from().number(), diff.getObject().to().number())));
        add(new WebMarkupContainer("same") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(diff.getObject() != null && diff.getObject().isEmpty());
            }
        });
        WebMarkupContainer fields = new WebMarkupContainer("fields") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(diff.getObject() != null && !diff.getObject().fields().isEmpty());
            }
        };
        fields.add(new ListView<>("field", diff.map(RevisionDiff::fields)) {
            @Override
            protected void populateItem(ListItem<FieldChange> item) {
                FieldChange change = item.getModelObject();
                item.add(new Label("name", getString("admin.editor.field." + change.field(), null, change.field())));
                item.add(new Label("before", change.before()));
                item.add(new Label("after", change.after()));
            }
        });
        add(fields);
        WebMarkupContainer body = new WebMarkupContainer("body") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(diff.getObject() != null && !diff.getObject().body().isEmpty());
            }
        };
        body.add(new ListView<>("line", diff.map(RevisionDiff::body)) {
            @Override
            protected void populateItem(ListItem<DiffLine> item) {
                DiffLine line = item.getModelObject();
                item.add(AttributeModifier.replace("class", "diff-" + line.kind().name().toLowerCase()));
                item.add(new Label("old", line.oldNumber() == null ? "" : String.valueOf(line.oldNumber())));
                item.add(new Label("new", line.newNumber() == null ? "" : String.valueOf(line.newNumber())));
                item.add(new Label("sign", switch (line.kind()) {
                    case ADDED -> "+";
                    case REMOVED -> "−";
                    default -> "";
                }));
                item.add(new Label("text", line.kind() == DiffLine.Kind.FOLDED
                        ? Texts.plural(getString("admin.diff.folded"), getLocale(), Long.parseLong(line.text()))
                        : line.text()));
            }
        });
        add(body);
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        setVisible(getDefaultModelObject() != null);
    }
}
