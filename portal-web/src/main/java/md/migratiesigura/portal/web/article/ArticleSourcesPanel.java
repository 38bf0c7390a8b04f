package md.migratiesigura.portal.web.article;

import java.time.LocalDate;
import md.migratiesigura.portal.article.ArticleSource;
import md.migratiesigura.portal.article.Sourced;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * The end of an article or a page: where its facts come from and when they were last checked. Links to sources tell the
 * other site nothing about the reader ({@code noreferrer}, and the page's own {@code Referrer-Policy}) and pass
 * no ranking ({@code nofollow}).
 */
public class ArticleSourcesPanel extends Panel {

    public ArticleSourcesPanel(String id, IModel<? extends Sourced> article) {
        super(id, article);
        add(dateLine("reviewed", "article.sources.reviewed", article, Sourced::reviewed));
        add(dateLine("reviewBy", "article.sources.reviewBy", article, Sourced::reviewBy));
        WebMarkupContainer list = new WebMarkupContainer("list") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!article.getObject().sources().isEmpty());
            }
        };
        list.add(new ListView<ArticleSource>("source", () -> article.getObject().sources()) {
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

    /** A line such as "Verificat la 6 decembrie 2026", shown only when the article has that date. */
    private Label dateLine(String id, String key, IModel<? extends Sourced> article,
                           SerializableFunction<Sourced, LocalDate> date) {
        return new Label(id, () -> Texts.format(getString(key), getLocale(), Texts.date(date.apply(article.getObject()),
                getLocale()))) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(date.apply(article.getObject()) != null);
            }
        };
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        Sourced a = (Sourced) getDefaultModelObject();
        setVisible(!a.sources().isEmpty() || a.reviewed() != null || a.reviewBy() != null);
    }
}
