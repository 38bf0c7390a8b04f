package md.migratiesigura.portal.web.materials;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.materials.Audience;
import md.migratiesigura.portal.materials.MaterialDraft;
import md.migratiesigura.portal.materials.MaterialException;
import md.migratiesigura.portal.materials.MaterialFiles;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.materials.MaterialView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.lang.Bytes;

/**
 * {@code /admin/materials/new} and {@code /admin/materials/{key}}: titles and descriptions in both languages, topic,
 * audience, and a file per language (PDF, PNG or JPEG, at most 20 MB). The service checks the files by their content
 * and saves everything in one transaction, or nothing with the reason shown; a file left empty on a change keeps the
 * one there.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class MaterialEditPage extends AdminBasePage {

    /** What the form edits. */
    static final class Fields implements Serializable {
        String titleRo = "";
        String titleRu = "";
        String descriptionRo = "";
        String descriptionRu = "";
        String topic;
        Audience audience;
    }

    private final String key;
    private final Fields fields = new Fields();

    public static PageParameters parameters(String key) {
        return new PageParameters().set("key", key);
    }

    public MaterialEditPage(PageParameters parameters) {
        super(parameters);
        this.key = parameters.get("key").toOptionalString();
        if (key != null) {
            MaterialView material = PortalApplication.get().materials().byKey(key)
                    .orElseThrow(() -> new AbortWithHttpErrorCodeException(404));
            fields.titleRo = material.title(Language.RO);
            fields.titleRu = material.title(Language.RU);
            fields.descriptionRo = material.description(Language.RO);
            fields.descriptionRu = material.description(Language.RU);
            fields.topic = material.topic();
            fields.audience = material.audience();
        }
        add(new BookmarkablePageLink<Void>("list", MaterialsAdminPage.class));
        add(new Label("heading", key == null ? getString("admin.materials.new") : fields.titleRo));
        add(new FeedbackPanel("feedback"));
        add(newForm("form"));
    }

    private Form<Void> newForm(String id) {
        FileUploadField fileRo = new FileUploadField("fileRo");
        FileUploadField fileRu = new FileUploadField("fileRu");
        Form<Void> form = new Form<>(id) {
            @Override
            protected void onSubmit() {
                save(fileRo, fileRu);
            }

            @Override
            protected void onFileUploadException(FileUploadException e, Map<String, Object> model) {
                error(getString("admin.materials.refused.TOO_LARGE"));
            }
        };
        form.setMultiPart(true);
        form.setFileMaxSize(Bytes.bytes(MaterialFiles.MAX_BYTES));
        form.setMaxSize(Bytes.bytes(MaterialRoutes.MAX_UPLOAD_REQUEST));
        form.add(text("titleRo", LambdaModel.of(() -> fields.titleRo, v -> fields.titleRo = v)));
        form.add(text("titleRu", LambdaModel.of(() -> fields.titleRu, v -> fields.titleRu = v)));
        form.add(new TextArea<>("descriptionRo", LambdaModel.of(() -> fields.descriptionRo, v -> fields.descriptionRo = v)));
        form.add(new TextArea<>("descriptionRu", LambdaModel.of(() -> fields.descriptionRu, v -> fields.descriptionRu = v)));
        List<CategoryView> topics = PortalApplication.get().articles().categories(StaffSession.get().language());
        form.add(new DropDownChoice<>("topic", LambdaModel.of(() -> fields.topic, v -> fields.topic = v),
                topics.stream().map(CategoryView::key).toList(), new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String k) {
                        return topics.stream().filter(t -> t.key().equals(k)).map(CategoryView::name).findFirst().orElse(k);
                    }

                    @Override
                    public String getIdValue(String k, int index) {
                        return k;
                    }
                }).setRequired(true).setLabel(() -> getString("admin.materials.field.topic")));
        form.add(new DropDownChoice<>("audience", LambdaModel.of(() -> fields.audience, v -> fields.audience = v),
                Arrays.asList(Audience.values()), new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(Audience a) {
                        return getString("materials.audience." + a.name());
                    }

                    @Override
                    public String getIdValue(Audience a, int index) {
                        return a.parameter();
                    }
                }).setRequired(true).setLabel(() -> getString("admin.materials.field.audience")));
        form.add(new Label("filesHint", getString(key == null ? "admin.materials.filesHint.new" : "admin.materials.filesHint.edit")));
        form.add(fileRo.setLabel(Model.of(getString("admin.materials.field.fileRo"))));
        form.add(fileRu.setLabel(Model.of(getString("admin.materials.field.fileRu"))));
        return form;
    }

    private TextField<String> text(String id, IModel<String> model) {
        TextField<String> field = new TextField<>(id, model);
        field.setRequired(true);
        field.setLabel(() -> getString("admin.materials.field." + id));
        return field;
    }

    private void save(FileUploadField fileRo, FileUploadField fileRu) {
        Map<Language, byte[]> files = new EnumMap<>(Language.class);
        read(fileRo, Language.RO, files);
        read(fileRu, Language.RU, files);
        MaterialDraft draft = new MaterialDraft(fields.titleRo, fields.titleRu, nonNull(fields.descriptionRo),
                nonNull(fields.descriptionRu), fields.topic, fields.audience);
        MaterialService service = PortalApplication.get().materials();
        try {
            MaterialView saved = key == null ? service.create(user(), draft, files) : service.update(user(), key, draft, files);
            getSession().success(getString("admin.materials.saved") + " " + saved.title(Language.RO));
            setResponsePage(MaterialsAdminPage.class);
        } catch (MaterialException e) {
            error(getString("admin.materials.refused." + e.reason().name()));
        }
    }

    private static void read(FileUploadField field, Language language, Map<Language, byte[]> files) {
        FileUpload upload = field.getFileUpload();
        if (upload == null || upload.getSize() == 0) {
            return;
        }
        try {
            files.put(language, upload.getBytes());
        } finally {
            upload.closeStreams();
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> key == null ? getString("admin.materials.new") : fields.titleRo;
    }
}
