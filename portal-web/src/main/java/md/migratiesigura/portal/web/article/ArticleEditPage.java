package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.article.EditableArticle;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.JavaScriptResourceReference;

/** {@code /admin/articles/{key}}: both languages of an article side by side (stacked on phones), each with its editor. */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class ArticleEditPage extends AdminBasePage {

    /** Live preview as one types; the page works the same without it (the Preview button renders on the server). */
    public static final JavaScriptResourceReference PREVIEW_JS =
            new JavaScriptResourceReference(ArticleEditPage.class, "editor-preview.js");

    private final String key;

    public ArticleEditPage(PageParameters parameters) {
        super(parameters);
        key = parameters.get("key").toString("");
        EditableArticle article = PortalApplication.get().editorial().load(key).orElseThrow(
                () -> new AbortWithHttpErrorCodeException(404));
        add(new Label("key", key));
        // Messages for the page as a whole (e.g. "created" after the new-article form); each language has its own.
        add(new FeedbackPanel("feedback", message -> message.getReporter() == null || message.getReporter() == this));
        boolean page = article.page();
        add((page ? new BookmarkablePageLink<Void>("back", PagesPage.class)
                : new BookmarkablePageLink<Void>("back", ArticlesPage.class))
                .setBody(() -> getString(page ? "admin.pages.back" : "admin.editor.back")));
        // The editor's own language first: that is usually the one being written.
        Language first = StaffSession.get().language();
        add(new TranslationEditorPanel("first", key, first, article.in(first), article.page()));
        add(new TranslationEditorPanel("second", key, first.other(), article.in(first.other()),
                article.page()));
    }

    public static PageParameters parameters(String key) {
        return new PageParameters().set("key", key);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(JavaScriptHeaderItem.forReference(PREVIEW_JS).setDefer(true));
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.editor.title") + " " + key;
    }
}
