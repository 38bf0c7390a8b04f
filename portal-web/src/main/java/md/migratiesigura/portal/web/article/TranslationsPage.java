package md.migratiesigura.portal.web.article;

import java.util.Comparator;
import java.util.List;
import md.migratiesigura.portal.article.TranslationMatrixRow;
import md.migratiesigura.portal.article.TranslationState;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/translations}: every article × Romanian and Russian, each missing, outdated (the other language's
 * text changed since) or up to date, with links to the editor. Missing and outdated ones come first.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class TranslationsPage extends AdminBasePage {

    public TranslationsPage(PageParameters parameters) {
        super(parameters);
        IModel<List<TranslationMatrixRow>> rows = LoadableDetachableModel.of(
                () -> PortalApplication.get().translations().translationMatrix()
                .stream()
                .sorted(Comparator.comparing((TranslationMatrixRow r) -> r.ro() == TranslationState.UP_TO_DATE
                        && r.ru() == TranslationState.UP_TO_DATE))
                .toList());
        add(new Label("summary", () -> Texts.format(getString("admin.translations.summary"), getLocale(),
                count(rows.getObject(), TranslationState.MISSING), count(rows.getObject(), TranslationState.OUTDATED))));
        add(new ListView<>("rows", rows) {
            @Override
            protected void populateItem(ListItem<TranslationMatrixRow> item) {
                TranslationMatrixRow row = item.getModelObject();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("edit", ArticleEditPage.class,
                        ArticleEditPage.parameters(row.key()));
                link.add(new Label("title", row.title()));
                item.add(link);
                item.add(new Label("key", row.key()));
                for (Language language : Language.values()) {
                    TranslationState state = row.in(language);
                    item.add(new Label(language.code(), getString("admin.translations.state." + state.name()))
                            .add(AttributeModifier.append("class", "badge badge-" + state.name().toLowerCase().replace('_', '-'))));
                }
            }
        });
    }

    private static long count(List<TranslationMatrixRow> rows, TranslationState state) {
        return rows.stream().mapToLong(r -> (r.ro() == state ? 1 : 0) + (r.ru() == state ? 1 : 0)).sum();
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.translations.title");
    }
}
