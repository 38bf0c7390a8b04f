package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.article.ArticleSource;
import md.migratiesigura.portal.article.ArticleView;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/**
 * The end of an article: where its facts come from and when they were last checked. Links to sources tell the
 * other site nothing about the reader ({@code noreferrer}, and the page's own {@code Referrer-Policy}) and pass
 * no ranking ({@code nofollow}).
 */
public class ArticleSourcesPanel extends Panel {

    public ArticleSourcesPanel(String id, IModel<ArticleView> article) {
        super(id, article);
        add(new Label("reviewed", () -> Texts.format(getString("article.sources.reviewed"), getLocale(),
                Texts.date(article.getObject().reviewed(), getLocale()))) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(article.getObject().reviewed() != null);
            }
        });
        add(new Label("reviewBy", () -> Texts.format(getString("article.sources.reviewBy"), getLocale(),
                Texts.date(article.getObject().reviewBy(), getLocale()))) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(article.getObject().reviewBy() != null);
            }
        });
        WebMarkupContainer list = new WebMarkupContainer("list") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!article.getObject().sources().isEmpty());
            }
        };
        list.add(new ListView<>("source", article.map(ArticleView::sources)) {
            @Override
            protected void populateItem(ListItem<ArticleSource> item) {
                ArticleSource s = item.getModelObject();
                WebMarkupContainer link = new WebMarkupContainer("link");
                link.add(AttributeModifier.replace("href", s.url()));
                link.add(new Label("title", s.title()));
                item.add(link);
                item.add(new Label("publisher", s.publisher()));
                item.add(new Label("consulted", Texts.format(getString("article.source.consulted"), getLocale(),
                        Texts.date(s.consulted(), getLocale()))));
            }
        });
        add(list);
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        ArticleView a = (ArticleView) getDefaultModelObject();
        setVisible(!a.sources().isEmpty() || a.reviewed() != null || a.reviewBy() != null);
    }
}
