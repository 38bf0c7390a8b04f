package md.migratiesigura.portal.web.article;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.article.ArticleDraft;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.article.EditorialProblem;
import md.migratiesigura.portal.article.SaveResult;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.SaveProblems;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.lang.Bytes;

/** {@code /admin/articles/new}: the first language version of a new article; its key comes from the title. */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class NewArticlePage extends AdminBasePage {

    private final IModel<Language> language = Model.of(StaffSession.get().language());
    private final IModel<String> title = Model.of("");
    private final IModel<String> category = Model.of();
    private final IModel<String> body = Model.of("");

    public NewArticlePage(PageParameters parameters) {
        super(parameters);
        add(new Label("heading", pageTitle()));
        add(new FeedbackPanel("feedback"));
        Form<Void> form = new Form<>("form") {
            @Override
            protected void onSubmit() {
                create();
            }

            @Override
            protected void onFileUploadException(FileUploadException e, Map<String, Object> model) {
                error(getString("admin.editor.requestTooLarge"));
            }
        };
        // Multipart, so that Wicket reads the body and an oversized one gets a message instead of a failure.
        form.setMultiPart(true);
        form.setMaxSize(Bytes.megabytes(8));
        form.add(new DropDownChoice<>("language", language, Arrays.asList(Language.values()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(Language l) {
                        return getString("language.switch." + l.code());
                    }
                }).setRequired(true).setLabel(() -> getString("admin.editor.field.language")));
        form.add(new TextField<>("title", title).setLabel(() -> getString("admin.editor.field.title")));
        IModel<List<CategoryView>> categories = LoadableDetachableModel.of(() ->
                PortalApplication.get().editorial().categories(StaffSession.get().language()));
        form.add(new DropDownChoice<>("category", category, categories.map(l -> l.stream().map(CategoryView::key).toList()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String key) {
                        return categories.getObject().stream().filter(c -> c.key().equals(key))
                                .map(CategoryView::name).findFirst().orElse(key);
                    }
                }).setNullValid(true).setLabel(() -> getString("admin.editor.field.category")).setVisible(!isPage()));
        form.add(new TextArea<>("body", body).setLabel(() -> getString("admin.editor.field.body")));
        add(form);
    }

    private void create() {
        ArticleDraft draft = ArticleDraft.of(title.getObject(), body.getObject()).withCategory(category.getObject());
        SaveResult result = isPage() ? PortalApplication.get().editorial().createPage(user(), language.getObject(), draft)
                : PortalApplication.get().editorial().create(user(), language.getObject(), draft);
        if (result instanceof SaveResult.Saved saved) {
            getSession().info(getString(isPage() ? "admin.pages.created" : "admin.editor.created"));
            setResponsePage(ArticleEditPage.class, ArticleEditPage.parameters(saved.translation().key()));
        } else if (result instanceof SaveResult.Rejected rejected) {
            for (EditorialProblem p : rejected.problems()) {
                SaveProblems.report(this, "admin.editor", p.field(), p.code().name(), p.detail());
            }
        }
    }

    /** Whether this form creates a page rather than an article ({@link NewPagePage}). */
    protected boolean isPage() {
        return false;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString(isPage() ? "admin.pages.new" : "admin.new.title");
    }
}
