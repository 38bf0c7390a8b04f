package md.migratiesigura.portal.web.materials;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.materials.MaterialException;
import md.migratiesigura.portal.materials.MaterialFile;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.materials.MaterialView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.Link;
import org.apache.wicket.markup.html.link.ResourceLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/materials}: every material, retired ones too, with each file to download (trainers take them to
 * their sessions); editors and administrators also add, change, retire and restore.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR, StaffRoles.TRAINER})
public class MaterialsAdminPage extends AdminBasePage {

    public MaterialsAdminPage(PageParameters parameters) {
        super(parameters);
        MaterialService service = PortalApplication.get().materials();
        boolean editor = service.mayEdit(user());
        Language language = StaffSession.get().language();
        IModel<List<MaterialView>> materials = LoadableDetachableModel.of(() -> service.all(user()));
        add(new FeedbackPanel("feedback"));
        add(new BookmarkablePageLink<Void>("new", MaterialEditPage.class).setVisible(editor));
        add(new ListView<>("materials", materials) {
            @Override
            protected void populateItem(ListItem<MaterialView> item) {
                MaterialView m = item.getModelObject();
                BookmarkablePageLink<Void> edit = new BookmarkablePageLink<>("edit", MaterialEditPage.class,
                        MaterialEditPage.parameters(m.key()));
                edit.add(new Label("title", m.title(language)));
                edit.setEnabled(editor);
                item.add(edit);
                item.add(new Label("audience", getString("materials.audience." + m.audience().name())));
                item.add(new Label("state", getString(m.retired() ? "admin.materials.retired" : "admin.materials.published")));
                item.add(new ListView<>("files", m.files()) {
                    @Override
                    protected void populateItem(ListItem<MaterialFile> fileItem) {
                        MaterialFile file = fileItem.getModelObject();
                        ResourceLink<Void> download = new ResourceLink<>("download", new StaffFileResource(m.key(), file));
                        download.add(new Label("name", file.language().code().toUpperCase(getLocale()) + " · "
                                + file.kind().name() + " · " + FileSizes.format(file.bytes(), getLocale())));
                        fileItem.add(download);
                    }
                });
                item.add(new Link<Void>("retire") {
                    @Override
                    public void onClick() {
                        change(() -> {
                            if (m.retired()) {
                                service.restore(user(), m.key());
                            } else {
                                service.retire(user(), m.key());
                            }
                        }, m.retired() ? "admin.materials.restoredDone" : "admin.materials.retiredDone");
                    }
                }.setBody(() -> getString(m.retired() ? "admin.materials.restore" : "admin.materials.retire"))
                        .setVisible(editor));
            }
        });
    }

    private void change(Runnable action, String doneKey) {
        try {
            action.run();
            getSession().success(getString(doneKey));
        } catch (MaterialException e) {
            getSession().error(getString("admin.materials.refused." + e.reason().name()));
        }
        setResponsePage(MaterialsAdminPage.class);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.section.materials");
    }
}
