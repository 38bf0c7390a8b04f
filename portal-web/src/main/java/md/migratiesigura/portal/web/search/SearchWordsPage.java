package md.migratiesigura.portal.web.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.search.InvalidSearchWordsException;
import md.migratiesigura.portal.search.SearchWordsService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Editors keep the equivalent-word lists of search, one per language: a line "a, b, c" makes the words find each
 * other's articles, "a, b => c" makes a and b find c's. A change applies to the next search, with no rebuild.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class SearchWordsPage extends AdminBasePage {

    private final IModel<Language> language = Model.of(Language.RO);
    private final IModel<String> words = Model.of("");

    public SearchWordsPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        Form<Void> addForm = new Form<>("add") {
            @Override
            protected void onSubmit() {
                try {
                    service().add(user(), language.getObject() == null ? Language.RO : language.getObject(),
                            words.getObject());
                    info(getString("searchWords.added"));
                    words.setObject("");
                } catch (InvalidSearchWordsException e) {
                    error(getString("searchWords.error." + e.reason()));
                }
            }
        };
        addForm.add(new DropDownChoice<>("language", language, List.of(Language.values()), new IChoiceRenderer<>() {
            @Override
            public Object getDisplayValue(Language object) {
                return getString("searchWords.language." + object.code());
            }

            @Override
            public String getIdValue(Language object, int index) {
                return object.code();
            }
        }).setNullValid(false).setRequired(true));
        TextField<String> wordsField = new TextField<>("words", words);
        wordsField.add(AttributeModifier.replace("maxlength", 500));
        addForm.add(wordsField);
        add(addForm);
        add(new ListView<>("languages", List.of(Language.values())) {
            @Override
            protected void populateItem(ListItem<Language> item) {
                Language lang = item.getModelObject();
                item.add(new Label("name", getString("searchWords.language." + lang.code())));
                item.add(new Label("bundled", getString("searchWords.bundled", Model.ofMap(new HashMap<>(Map.of(
                        "count", service().bundledLines(lang),
                        "file", "content/search/equivalent-words-" + lang.code() + ".txt"))))));
                IModel<List<SearchWordsService.Entry>> entries = LoadableDetachableModel.of(() -> service().entries(lang));
                WebMarkupContainer table = new WebMarkupContainer("table") {
                    @Override
                    protected void onConfigure() {
                        super.onConfigure();
                        setVisible(!entries.getObject().isEmpty());
                    }
                };
                item.add(table);
                item.add(new Label("none", getString("searchWords.none")) {
                    @Override
                    protected void onConfigure() {
                        super.onConfigure();
                        setVisible(entries.getObject().isEmpty());
                    }
                });
                table.add(new ListView<>("entries", entries) {
                    @Override
                    protected void populateItem(ListItem<SearchWordsService.Entry> row) {
                        SearchWordsService.Entry entry = row.getModelObject();
                        row.add(new Label("words", entry.words()));
                        Form<Void> remove = new Form<>("remove") {
                            @Override
                            protected void onSubmit() {
                                service().remove(user(), entry.id());
                                // Reported by the page: this row's form is gone once the list is drawn again.
                                SearchWordsPage.this.info(getString("searchWords.removed"));
                            }
                        };
                        remove.add(new WebMarkupContainer("button").add(AttributeModifier.replace("aria-label",
                                getString("searchWords.removeLine") + ": " + entry.words())));
                        row.add(remove);
                    }
                });
            }
        });
    }

    private static SearchWordsService service() {
        return PortalApplication.get().searchWords();
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("searchWords.title");
    }
}
