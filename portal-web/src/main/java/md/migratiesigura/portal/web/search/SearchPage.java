package md.migratiesigura.portal.web.search;

import java.util.Optional;
import md.migratiesigura.portal.article.ArticleSearchSource;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.search.InvalidQueryException;
import md.migratiesigura.portal.search.SearchBusyException;
import md.migratiesigura.portal.search.SearchHit;
import md.migratiesigura.portal.search.SearchQuery;
import md.migratiesigura.portal.search.SearchResults;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.pages.PagePage;
import md.migratiesigura.portal.web.article.ArticlePage;
import md.migratiesigura.portal.web.common.AnchorLink;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.PagerPanel;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.event.EventPage;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Search results for {@code ?q=}, with the matched words marked, a "did you mean", pages, and the choice to search
 * the other language too. Whatever is typed gets results or a clear message; nothing typed is logged.
 */
public class SearchPage extends BasePage {

    static final int PAGE_SIZE = 10;
    static final int MAX_PAGE = 100;

    private final String text;
    private final boolean both;
    private final String category;
    private final int page;
    private final IModel<SearchResults> results;
    private String refusal;

    public SearchPage(PageParameters parameters) {
        super(parameters);
        this.text = parameters.get("q").toString("").strip();
        this.both = "1".equals(parameters.get("all").toOptionalString());
        String requestedCategory = parameters.get("category").toString("");
        this.category = requestedCategory.matches("[a-z0-9-]{1,64}") ? requestedCategory : "";
        this.page = Math.max(1, Math.min(MAX_PAGE, parameters.get("page").toInt(1)));
        this.results = LoadableDetachableModel.of(this::runSearch);

        // A plain GET form, like the header's: no Wicket state, no session.
        WebMarkupContainer form = new WebMarkupContainer("form");
        form.add(AttributeModifier.replace("action", () -> urlFor(SearchPage.class, parametersIn(language())).toString()));
        form.add(new WebMarkupContainer("query").add(AttributeModifier.replace("value", text)));
        form.add(new WebMarkupContainer("all").add(AttributeModifier.replace("checked", () -> both ? "checked" : null)));
        form.add(new Label("allLabel", getString("search.includeOther." + language().code())));
        form.add(new ListView<>("categories", LoadableDetachableModel.of(
                () -> PortalApplication.get().articles().categories(language()))) {
            @Override
            protected void populateItem(ListItem<CategoryView> item) {
                CategoryView c = item.getModelObject();
                item.add(AttributeModifier.replace("value", c.key()));
                item.add(AttributeModifier.replace("selected", c.key().equals(category) ? "selected" : null));
                item.add(new Label("name", c.name()).setRenderBodyOnly(true));
            }
        });
        add(form);
        add(new Label("summary", () -> summaryText()));
        add(newSuggestion("suggestion"));
        add(new ListView<>("hits", results.map(SearchResults::hits)) {
            @Override
            protected void populateItem(ListItem<SearchHit> item) {
                SearchHit hit = item.getModelObject();
                AnchorLink<Void> link = "event".equals(hit.type())
                        ? new AnchorLink<>("link", EventPage.class, EventPage.parameters(hit.language(), hit.key()))
                        : ArticleSearchSource.PAGE_TYPE.equals(hit.type())
                        ? new AnchorLink<>("link", PagePage.class, PagePage.parameters(hit.language(), hit.slug()))
                        : new AnchorLink<>("link", ArticlePage.class, ArticlePage.parameters(hit.language(), hit.slug()));
                link.add(new Label("title", hit.title()));
                if (hit.language() != language()) {
                    link.add(AttributeModifier.replace("lang", hit.language().code()));
                    link.add(AttributeModifier.replace("hreflang", hit.language().code()));
                }
                item.add(link);
                // The snippet is the index's own HTML: every character of the text is escaped and only <mark>
                // tags were added around matches (SearchIndex), so it is shown as markup.
                item.add(new Label("snippet", hit.snippet()).setEscapeModelStrings(false));
            }
        });
        add(new PagerPanel("pager", SearchPage.class, page, () -> pageCount(), target -> {
            PageParameters p = parametersIn(language()).set("q", text).set("page", target);
            if (both) {
                p.set("all", "1");
            }
            if (!category.isEmpty()) {
                p.set("category", category);
            }
            return p;
        }));
    }

    private SearchResults runSearch() {
        if (text.isEmpty()) {
            return SearchResults.empty();
        }
        try {
            return PortalApplication.get().search().search(new SearchQuery(text, language(), both, Optional.empty(),
                    category.isEmpty() ? Optional.empty() : Optional.of(category), page, PAGE_SIZE));
        } catch (InvalidQueryException e) {
            refusal = e.reason() == InvalidQueryException.Reason.TOO_LONG ? "search.tooLong" : "search.tooManyWords";
            return SearchResults.empty();
        } catch (SearchBusyException e) {
            refusal = "search.busy";
            return SearchResults.empty();
        }
    }

    private String summaryText() {
        SearchResults r = results.getObject();
        if (refusal != null) {
            return getString(refusal);
        }
        if (text.isEmpty()) {
            return getString("search.empty");
        }
        if (r.total() == 0) {
            return getString("search.noResults");
        }
        return Texts.plural(getString(r.totalExact() ? "search.resultCount" : "search.resultCountMore"), getLocale(),
                r.total());
    }

    private WebMarkupContainer newSuggestion(String id) {
        WebMarkupContainer container = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(results.getObject().suggestion() != null);
            }
        };
        PageParameters target = parametersIn(language());
        AnchorLink<Void> link = new AnchorLink<>("link", SearchPage.class, target) {
            @Override
            public PageParameters getPageParameters() {
                PageParameters p = parametersIn(language());
                String suggestion = results.getObject().suggestion();
                if (suggestion != null) {
                    p.set("q", suggestion);
                }
                if (both) {
                    p.set("all", "1");
                }
                return p;
            }
        };
        link.add(new Label("text", () -> results.getObject().suggestion()));
        container.add(link);
        return container;
    }

    private long pageCount() {
        return Math.min(MAX_PAGE, (results.getObject().total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        results.getObject();
        if ("search.busy".equals(refusal)) {
            response.setStatus(503);
            response.setHeader("Retry-After", "2");
        } else if (refusal != null) {
            response.setStatus(400);
        }
    }

    @Override
    protected boolean isIndexable() {
        return false;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> text.isEmpty() ? getString("search.title") : getString("search.title") + ": " + text;
    }

    @Override
    protected void onDetach() {
        results.detach();
        super.onDetach();
    }
}
