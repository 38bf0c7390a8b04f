package md.migratiesigura.portal.web.page;

import java.util.List;
import md.migratiesigura.portal.service.ArticleSummary;
import md.migratiesigura.portal.web.panel.ArticleListPanel;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Search results for {@code ?q=}; an empty or over-long query gets a message, never an error. */
public class SearchPage extends BasePage {

    static final int MAX_QUERY = 200;
    static final int MAX_RESULTS = 50;

    private final String query;

    public SearchPage(PageParameters parameters) {
        super(parameters);
        String raw = parameters.get("q").toString("");
        this.query = raw.strip().length() > MAX_QUERY ? raw.strip().substring(0, MAX_QUERY) : raw.strip();
        IModel<List<ArticleSummary>> results = LoadableDetachableModel.of(() -> query.isEmpty()
                ? List.of() : app().articles().searchTitles(language(), query, MAX_RESULTS));
        add(new Label("summary", results.map(list -> query.isEmpty()
                ? getString("search.empty")
                : Texts.plural(getString("search.resultCount"), getLocale(), list.size()) + ": «" + query + "»")));
        add(new ArticleListPanel("results", results));
        add(new Label("noResults", getString("search.noResults")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!query.isEmpty() && results.getObject().isEmpty());
            }
        });
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> query.isEmpty() ? getString("search.title") : getString("search.title") + ": " + query;
    }
}
