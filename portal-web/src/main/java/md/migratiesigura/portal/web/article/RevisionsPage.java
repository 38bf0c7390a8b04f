package md.migratiesigura.portal.web.article;

import java.util.List;
import md.migratiesigura.portal.article.EditableTranslation;
import md.migratiesigura.portal.article.RevisionDiff;
import md.migratiesigura.portal.article.RevisionSummary;
import md.migratiesigura.portal.article.SaveResult;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.Radio;
import org.apache.wicket.markup.html.form.RadioGroup;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/articles/{key}/revisions?lang=ro}: every revision of a language version, newest first; pick two to
 * see what changed (fields, then the Markdown line by line), or restore one as a new revision.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class RevisionsPage extends AdminBasePage {

    private final String key;
    private final Language language;
    private final IModel<Long> from = Model.of();
    private final IModel<Long> to = Model.of();
    private final IModel<RevisionDiff> diff = Model.of();

    public RevisionsPage(PageParameters parameters) {
        super(parameters);
        key = parameters.get("key").toString("");
        language = Language.ofCode(parameters.get("lang").toOptionalString()).orElse(Language.RO);
        IModel<List<RevisionSummary>> revisions = LoadableDetachableModel.of(() ->
                PortalApplication.get().revisions().revisions(key, language));
        if (revisions.getObject().isEmpty()) {
            throw new AbortWithHttpErrorCodeException(404);
        }
        List<RevisionSummary> initial = revisions.getObject();
        if (initial.size() > 1) {
            // Opened fresh, the page shows what the latest revision changed.
            from.setObject(initial.get(1).id());
            to.setObject(initial.get(0).id());
            diff.setObject(PortalApplication.get().revisions().diff(from.getObject(), to.getObject()).orElse(null));
        }
        add(new Label("heading", () -> Texts.format(getString("admin.revisions.heading"), getLocale(), key,
                getString("language.switch." + language.code()))));
        add(new BookmarkablePageLink<Void>("back", ArticleEditPage.class, ArticleEditPage.parameters(key)));
        add(new FeedbackPanel("feedback"));
        Form<Void> form = new Form<>("form");
        RadioGroup<Long> fromGroup = new RadioGroup<>("fromGroup", from);
        RadioGroup<Long> toGroup = new RadioGroup<>("toGroup", to);
        fromGroup.add(toGroup);
        form.add(fromGroup);
        toGroup.add(new ListView<>("revisions", revisions) {
            @Override
            protected void populateItem(ListItem<RevisionSummary> item) {
                RevisionSummary r = item.getModelObject();
                item.add(new Radio<>("from", Model.of(r.id()), fromGroup)
                        .add(AttributeModifier.replace("aria-label", "#" + r.number())));
                item.add(new Radio<>("to", Model.of(r.id()), toGroup)
                        .add(AttributeModifier.replace("aria-label", "#" + r.number())));
                item.add(new Label("number", "#" + r.number()));
                item.add(new Label("when", Texts.dateTime(r.savedAt(), getLocale())));
                item.add(new Label("who", r.authorEmail() == null ? getString("admin.revisions.scheduler") : r.authorEmail()));
                item.add(new Label("action", getString("admin.revision.action." + r.action().name())));
                item.add(Badges.status("status", Model.of(r.status())));
                item.add(new Label("title", r.title()));
                item.add(new Button("restore") {
                    @Override
                    public void onSubmit() {
                        restore(r);
                    }
                }.setDefaultFormProcessing(false));
            }
        });
        form.add(new Button("compare") {
            @Override
            public void onSubmit() {
                if (from.getObject() == null || to.getObject() == null) {
                    error(getString("admin.revisions.pickTwo"));
                    return;
                }
                diff.setObject(PortalApplication.get().revisions().diff(from.getObject(), to.getObject()).orElse(null));
            }
        });
        add(form);
        add(new RevisionDiffPanel("diff", diff));
    }

    private void restore(RevisionSummary revision) {
        EditableTranslation current = PortalApplication.get().editorial().load(key).map(a -> a.in(language))
                .orElse(null);
        if (current == null) {
            throw new AbortWithHttpErrorCodeException(404);
        }
        SaveResult result = PortalApplication.get().revisions().restore(user(), revision.id(), current.version());
        if (result instanceof SaveResult.Saved) {
            getSession().info(Texts.format(getString("admin.revisions.restored"), getLocale(), revision.number()));
            setResponsePage(ArticleEditPage.class, ArticleEditPage.parameters(key));
        } else if (result instanceof SaveResult.Rejected rejected) {
            error(Texts.format(getString("admin.revisions.cannotRestore"), getLocale(), revision.number(),
                    rejected.problems().stream().map(p -> getString("admin.editor.field." + p.field(), null, p.field()))
                            .distinct().reduce((a, b) -> a + ", " + b).orElse("")));
        } else {
            error(getString("admin.editor.conflict"));
        }
    }

    public static PageParameters parameters(String key, Language language) {
        return new PageParameters().set("key", key).set("lang", language.code());
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.revisions.title") + " " + key;
    }
}
