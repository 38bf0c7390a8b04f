package md.migratiesigura.portal.web.article;

import java.util.List;
import md.migratiesigura.portal.article.ArticleSummary;
import md.migratiesigura.portal.web.common.AnchorLink;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/** A list of article cards: title link, date, reading time, summary. Hidden when the list is empty. */
public class ArticleListPanel extends Panel {

    private final IModel<List<ArticleSummary>> articles;

    public ArticleListPanel(String id, IModel<List<ArticleSummary>> articles) {
        super(id, articles);
        this.articles = articles;
        add(new ListView<>("items", articles) {
            @Override
            protected void populateItem(ListItem<ArticleSummary> item) {
                ArticleSummary a = item.getModelObject();
                AnchorLink<Void> link = new AnchorLink<>("link", ArticlePage.class,
                        ArticlePage.parameters(a.language(), a.slug()));
                link.add(new Label("title", a.title()));
                item.add(link);
                WebMarkupContainer time = new WebMarkupContainer("date");
                time.add(AttributeModifier.replace("datetime", Texts.isoDate(a.publishedAt())));
                time.add(new Label("text", Texts.date(a.publishedAt(), getLocale())));
                item.add(time);
                item.add(new Label("reading", Texts.plural(getString("article.readingTime"), getLocale(), a.readingMinutes())));
                item.add(new Label("category", a.categoryName()).setVisible(a.categoryName() != null));
                item.add(new Label("summary", a.summary()).setVisible(a.summary() != null));
            }
        });
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        setVisible(!articles.getObject().isEmpty());
    }
}
