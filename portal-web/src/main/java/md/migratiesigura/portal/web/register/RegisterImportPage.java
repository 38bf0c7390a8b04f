package md.migratiesigura.portal.web.register;

import java.util.List;
import md.migratiesigura.portal.register.EntryChannel;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.register.RegisterException;
import md.migratiesigura.portal.register.RegisterImport;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.CsvUploadForm;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Administrators import a year's register from CSV: the upload only previews (what the year would hold, and every
 * bad line with what is wrong); "Import" adds exactly the previewed rows, unless the year got entries meanwhile.
 * A file with any problem imports nothing.
 */
@AuthorizeInstantiation(StaffRoles.ADMINISTRATOR)
public class RegisterImportPage extends AdminBasePage {

    /** The file last previewed, or null. */
    private RegisterImport.Preview preview;
    private String fileName;

    public RegisterImportPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        add(new CsvUploadForm("uploadForm", "register.import", RegisterImport.MAX_BYTES) {
            @Override
            protected void onFile(byte[] bytes, String name) {
                fileName = name;
                preview = PortalApplication.get().register().previewImport(bytes);
                if (!preview.canApply()) {
                    error(Texts.plural(RegisterMessages.text(this, "register.import.refused"), getLocale(),
                            preview.problems().size()));
                }
            }

            @Override
            protected void onNoPreview() {
                preview = null;
            }
        });
        add(newPreview("preview"));
    }

    private WebMarkupContainer newPreview(String id) {
        WebMarkupContainer box = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(preview != null);
            }
        };
        box.add(new Label("fileName", () -> fileName));
        box.add(new Label("year", () -> preview.year() == 0 ? "—" : String.valueOf(preview.year())));
        box.add(new Label("entries", () -> String.valueOf(preview.entries().size())));
        box.add(new Label("calls", () -> String.valueOf(preview.count(EntryChannel.CALL))));
        box.add(new Label("israel", () -> String.valueOf(preview.calls(EntryKind.ISRAEL_PROGRAMME))));
        box.add(new Label("prevention", () -> String.valueOf(preview.calls(EntryKind.PREVENTION))));
        box.add(new Label("referral", () -> String.valueOf(preview.calls(EntryKind.REFERRAL))));
        box.add(new Label("sos", () -> String.valueOf(preview.calls(EntryKind.SOS))));
        box.add(new Label("chats", () -> String.valueOf(preview.count(EntryChannel.CHAT))));
        box.add(new Label("consultations", () -> String.valueOf(preview.count(EntryChannel.CONSULTATION))));
        WebMarkupContainer problems = new WebMarkupContainer("problems") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(preview != null && !preview.problems().isEmpty());
            }
        };
        problems.add(new ListView<>("problem", () -> preview == null ? List.of() : preview.problems()) {
            @Override
            protected void populateItem(ListItem<RegisterImport.Problem> item) {
                RegisterImport.Problem p = item.getModelObject();
                item.add(new Label("line", p.line() > 0 ? String.valueOf(p.line())
                        : RegisterMessages.text(this, "register.import.wholeFile")));
                item.add(new Label("reason", RegisterMessages.problem(this, p.code(), p.arguments().toArray())));
            }
        });
        box.add(problems);
        Form<Void> decide = new Form<>("decideForm");
        decide.add(new Button("apply") {
            @Override
            public void onSubmit() {
                try {
                    int added = PortalApplication.get().register().applyImport(preview, user());
                    info(Texts.format(getString("register.import.applied"), getLocale(), added, String.valueOf(preview.year())));
                } catch (RegisterException e) {
                    error(RegisterMessages.of(this, e));
                }
                preview = null;
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(preview != null && preview.canApply());
            }
        });
        decide.add(new Button("cancel") {
            @Override
            public void onSubmit() {
                preview = null;
                info(getString("register.import.cancelled"));
            }
        }.setDefaultFormProcessing(false));
        box.add(decide);
        return box;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("register.import.title");
    }
}
