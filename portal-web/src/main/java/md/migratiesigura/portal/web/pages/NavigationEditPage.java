package md.migratiesigura.portal.web.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.article.PageSummary;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.navigation.Navigation;
import md.migratiesigura.portal.navigation.NavigationItem;
import md.migratiesigura.portal.navigation.NavigationPlace;
import md.migratiesigura.portal.navigation.NavigationProblem;
import md.migratiesigura.portal.navigation.NavigationService;
import md.migratiesigura.portal.navigation.NavigationTarget;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/navigation?for=ro}: the public navigation of one language as the editor reorders, adds and removes
 * its entries, with a preview of the menu and the footer as readers will see them; nothing reaches the public site
 * until "Save".
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class NavigationEditPage extends AdminBasePage {

    /** The page parameter naming the language whose navigation is edited. */
    public static final String FOR = "for";

    private final Language language;
    private final List<NavigationItem> items;
    private final IModel<String> newTarget = Model.of();
    private final IModel<NavigationPlace> newPlace = Model.of(NavigationPlace.MAIN);
    private final IModel<String> newLabel = Model.of();

    public NavigationEditPage(PageParameters parameters) {
        super(parameters);
        language = Language.ofCode(parameters.get(FOR).toOptionalString()).orElse(StaffSession.get().language());
        items = new ArrayList<>(navigation().entries(language));
        add(new Label("heading", () -> Texts.format(getString("admin.navigation.heading"), getLocale(),
                getString("language.switch." + language.code()))));
        add(new BookmarkablePageLink<Void>("other", NavigationEditPage.class, parameters(language.other()))
                .setBody(() -> Texts.format(getString("admin.navigation.other"), getLocale(),
                        getString("language.switch." + language.other().code()))));
        add(new FeedbackPanel("feedback"));
        Form<Void> form = new Form<>("form");
        add(form);
        Map<String, String> targets = targets();
        form.add(new ListView<>("entries", () -> items) {
            @Override
            protected void populateItem(ListItem<NavigationItem> row) {
                NavigationItem item = row.getModelObject();
                int index = row.getIndex();
                row.add(new Label("place", getString("admin.navigation.place." + item.place().name())));
                row.add(new Label("target", targets.getOrDefault(code(item.targetKind(), item.target()),
                        item.target())));
                row.add(new Label("label", item.label() == null ? "—" : item.label()));
                row.add(move("up", index, -1).setVisible(index > 0));
                row.add(move("down", index, 1).setVisible(index < items.size() - 1));
                row.add(new Button("remove") {
                    @Override
                    public void onSubmit() {
                        items.remove(index);
                    }
                }.setDefaultFormProcessing(false));
            }
        });
        form.add(new DropDownChoice<>("newTarget", newTarget, new ArrayList<>(targets.keySet()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String code) {
                        return targets.get(code);
                    }

                    @Override
                    public String getIdValue(String code, int index) {
                        return code;
                    }
                }).setLabel(() -> getString("admin.navigation.target")));
        form.add(new DropDownChoice<>("newPlace", newPlace, List.of(NavigationPlace.values()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(NavigationPlace place) {
                        return getString("admin.navigation.place." + place.name());
                    }
                }).setRequired(true).setLabel(() -> getString("admin.navigation.place")));
        form.add(new TextField<>("newLabel", newLabel).setLabel(() -> getString("admin.navigation.label")));
        form.add(new Button("add") {
            @Override
            public void onSubmit() {
                addEntry();
            }
        });
        form.add(new Button("save") {
            @Override
            public void onSubmit() {
                save();
            }
        }.setDefaultFormProcessing(false));
        form.add(new Button("discard") {
            @Override
            public void onSubmit() {
                items.clear();
                items.addAll(navigation().entries(language));
                info(getString("admin.navigation.discarded"));
            }
        }.setDefaultFormProcessing(false));
        IModel<Navigation> preview = LoadableDetachableModel.of(() -> navigation().preview(language, items));
        add(new SiteNavigationPanel("previewMain", language, preview));
        add(new FooterLinksPanel("previewFooter", language, preview));
    }

    public static PageParameters parameters(Language language) {
        return new PageParameters().set(FOR, language.code());
    }

    private static NavigationService navigation() {
        return PortalApplication.get().navigation();
    }

    private Button move(String id, int index, int by) {
        Button button = new Button(id) {
            @Override
            public void onSubmit() {
                Collections.swap(items, index, index + by);
            }
        };
        return (Button) button.setDefaultFormProcessing(false);
    }

    private void addEntry() {
        String code = newTarget.getObject();
        if (code == null) {
            error(getString("admin.navigation.chooseTarget"));
            return;
        }
        int colon = code.indexOf(':');
        String label = newLabel.getObject() == null || newLabel.getObject().isBlank() ? null : newLabel.getObject().strip();
        items.add(new NavigationItem(newPlace.getObject(), NavigationTarget.valueOf(code.substring(0, colon)),
                code.substring(colon + 1), label));
        newTarget.setObject(null);
        newLabel.setObject(null);
        info(getString("admin.navigation.added"));
    }

    private void save() {
        List<NavigationProblem> problems = navigation().save(user(), language, List.copyOf(items));
        if (problems.isEmpty()) {
            info(getString("admin.navigation.saved"));
            return;
        }
        for (NavigationProblem p : problems) {
            error(Texts.format(getString("admin.navigation.problem." + p.code().name()), getLocale(), p.index() + 1));
        }
    }

    /** Everything an entry may point at in this language, by code ({@code PAGE:despre}), with its name. */
    private Map<String, String> targets() {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String section : NavigationService.FIXED_SECTIONS) {
            if (FixedSections.isServed(section)) {
                targets.put(code(NavigationTarget.FIXED, section), getString("admin.navigation.kind.FIXED") + ": "
                        + getLocalizer().getString("nav.fixed." + section, this, null, language.locale(), null,
                        (String) null));
            }
        }
        for (PageSummary page : PortalApplication.get().pages().published(language)) {
            targets.put(code(NavigationTarget.PAGE, page.key()), getString("admin.navigation.kind.PAGE") + ": "
                    + page.title());
        }
        for (CategoryView category : PortalApplication.get().articles().categories(language)) {
            targets.put(code(NavigationTarget.CATEGORY, category.key()), getString("admin.navigation.kind.CATEGORY")
                    + ": " + category.name());
        }
        return targets;
    }

    private static String code(NavigationTarget kind, String target) {
        return kind.name() + ":" + target;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.section.navigation");
    }
}
