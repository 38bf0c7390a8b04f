package md.migratiesigura.portal.web.article;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import md.migratiesigura.portal.article.ArticleStatus;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.article.EditorialFilter;
import md.migratiesigura.portal.article.EditorialListItem;
import md.migratiesigura.portal.article.TranslationBadge;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.Component;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.navigation.paging.PagingNavigator;
import org.apache.wicket.markup.repeater.Item;
import org.apache.wicket.markup.repeater.data.DataView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * {@code /admin/articles}: every article with each language's title and status, filtered by status, language,
 * category and overdue review, and searched by title; the filter lives in the address, so it can be bookmarked.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class ArticlesPage extends AdminBasePage {

    static final int PER_PAGE = 20;

    private final IModel<ArticleStatus> status;
    private final IModel<Language> language;
    private final IModel<String> category;
    private final IModel<Boolean> overdue;
    private final IModel<String> text;

    public ArticlesPage(PageParameters parameters) {
        super(parameters);
        status = Model.of(parameters.get("status").toOptional(ArticleStatus.class));
        language = Model.of(Language.ofCode(parameters.get("lang").toOptionalString()).orElse(null));
        category = Model.of(parameters.get("category").toOptionalString());
        overdue = Model.of(parameters.get("overdue").toBoolean(false));
        text = Model.of(parameters.get("q").toOptionalString());
        IModel<List<CategoryView>> categories = LoadableDetachableModel.of(() ->
                PortalApplication.get().editorial().categories(StaffSession.get().language()));
        add(new BookmarkablePageLink<Void>("new", NewArticlePage.class));
        add(newFilterForm("filter", categories));
        EditorialFilter filter = new EditorialFilter(status.getObject(), language.getObject(), category.getObject(),
                overdue.getObject(), text.getObject());
        DataView<EditorialListItem> rows = new DataView<>("rows", new EditorialListDataProvider(filter), PER_PAGE) {
            @Override
            protected void populateItem(Item<EditorialListItem> item) {
                EditorialListItem row = item.getModelObject();
                for (Language l : Language.values()) {
                    item.add(newTitleCell(l.code(), row.key(), row.in(l)));
                }
                Map<String, String> names = categories.getObject().stream()
                        .collect(Collectors.toMap(CategoryView::key, CategoryView::name));
                item.add(new Label("category", row.categoryKey() == null ? "—" : names.getOrDefault(row.categoryKey(),
                        row.categoryKey())));
                item.add(new Label("updated", Texts.dateTime(row.updatedAt(), getLocale())));
                item.add(flag("overdue", row, TranslationBadge::reviewOverdue));
                item.add(flag("late", row, TranslationBadge::publishedLate));
            }
        };
        add(rows);
        add(new Label("count", () -> Texts.plural(getString("admin.articles.count"), getLocale(), rows.getItemCount())));
        add(new PagingNavigator("pages", rows) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getPageCount() > 1);
            }
        });
        add(new WebMarkupContainer("empty") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getItemCount() == 0);
            }
        });
    }

    private Form<Void> newFilterForm(String id, IModel<List<CategoryView>> categories) {
        Form<Void> form = new Form<>(id) {
            @Override
            protected void onSubmit() {
                PageParameters p = new PageParameters();
                if (status.getObject() != null) {
                    p.set("status", status.getObject().name());
                }
                if (language.getObject() != null) {
                    p.set("lang", language.getObject().code());
                }
                if (category.getObject() != null) {
                    p.set("category", category.getObject());
                }
                if (Boolean.TRUE.equals(overdue.getObject())) {
                    p.set("overdue", "true");
                }
                if (text.getObject() != null && !text.getObject().isBlank()) {
                    p.set("q", text.getObject().strip());
                }
                setResponsePage(ArticlesPage.class, p);
            }
        };
        form.add(new DropDownChoice<>("status", status, Arrays.asList(ArticleStatus.values()), new ChoiceRenderer<>() {
            @Override
            public Object getDisplayValue(ArticleStatus s) {
                return getString("admin.status." + s.name());
            }
        }).setNullValid(true));
        form.add(new DropDownChoice<>("lang", language, Arrays.asList(Language.values()), new ChoiceRenderer<>() {
            @Override
            public Object getDisplayValue(Language l) {
                return getString("language.switch." + l.code());
            }
        }).setNullValid(true));
        form.add(new DropDownChoice<>("category", category,
                categories.map(l -> l.stream().map(CategoryView::key).toList()), new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String key) {
                        return categories.getObject().stream().filter(c -> c.key().equals(key))
                                .map(CategoryView::name).findFirst().orElse(key);
                    }
                }).setNullValid(true));
        // The label follows the box: its id must be asked for before the label renders.
        form.add(new CheckBox("overdue", overdue).setOutputMarkupId(true));
        form.add(new TextField<>("q", text));
        return form;
    }

    /** A language's title, linked to the editor, and its status: the lists of articles and of pages. */
    static Component newTitleCell(String id, String key, TranslationBadge badge) {
        WebMarkupContainer cell = new WebMarkupContainer(id);
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("edit", ArticleEditPage.class,
                ArticleEditPage.parameters(key));
        link.add(new Label("title", badge == null ? "—" : badge.title()));
        cell.add(link);
        cell.add(Badges.status("status", () -> badge == null ? null : badge.status()));
        return cell;
    }

    private Component flag(String id, EditorialListItem row,
                           SerializableFunction<TranslationBadge, Boolean> test) {
        String languages = Arrays.stream(Language.values())
                .filter(l -> row.in(l) != null && test.apply(row.in(l)))
                .map(l -> l.code().toUpperCase())
                .collect(Collectors.joining(", "));
        Label label = new Label(id, languages);
        label.setVisible(!languages.isEmpty());
        return label;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.articles.title");
    }
}
