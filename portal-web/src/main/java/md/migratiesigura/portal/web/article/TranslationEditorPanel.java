package md.migratiesigura.portal.web.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import md.migratiesigura.portal.article.ArticleStatus;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.article.EditableTranslation;
import md.migratiesigura.portal.article.EditorialProblem;
import md.migratiesigura.portal.article.EditorialService.Step;
import md.migratiesigura.portal.article.EditorialService;
import md.migratiesigura.portal.article.SaveResult;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.media.CoverImage;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.SaveProblems;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.pages.PageRoutes;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.behavior.Behavior;
import org.apache.wicket.event.Broadcast;
import org.apache.wicket.event.IEvent;
import org.apache.wicket.feedback.ContainerFeedbackMessageFilter;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.FormComponent;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.util.lang.Bytes;
import org.danekja.java.util.function.serializable.SerializableBiConsumer;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * The editor of one language version: its text, metadata and cover, a server-rendered preview (live as one types
 * when JavaScript is on), and the workflow buttons. Each button saves what is in the form and takes its step in one
 * call to the service; the version loaded goes with it, so a save on top of someone else's is a conflict that keeps
 * this editor's text and shows theirs.
 */
public class TranslationEditorPanel extends Panel {

    /** Sent to the page when a save changed the article's category, which both languages share. */
    public record CategoryChanged(String categoryKey) {
    }

    private final String key;
    private final Language language;
    /** A page: undated, at /ro/{slug}, without category, tags, review date or cover. */
    private final boolean page;
    private final IModel<ArticleDraftForm> form;
    private EditableTranslation saved;
    private int expectedVersion;
    private EditableTranslation theirs;
    private String previewHtml;

    public TranslationEditorPanel(String id, String key, Language language, EditableTranslation loaded, boolean page) {
        super(id);
        this.key = key;
        this.language = language;
        this.page = page;
        this.saved = loaded;
        this.expectedVersion = loaded == null ? EditorialService.NEW_TRANSLATION : loaded.version();
        this.form = Model.of(ArticleDraftForm.of(loaded));
        add(new Label("heading", () -> getString("language.switch." + language.code())));
        add(AttributeModifier.replace("lang", language.code()));
        add(Badges.status("status", () -> saved == null ? null : saved.status()));
        add(new Label("lastSaved", () -> saved == null ? "" : Texts.format(getString("admin.editor.lastSaved"), getLocale(),
                saved.authorEmail() == null ? "—" : saved.authorEmail(), Texts.dateTime(saved.updatedAt(), getLocale()))) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(saved != null);
            }
        });
        add(new Label("scheduledFor", () -> saved == null || saved.publishAt() == null ? ""
                : Texts.format(getString("admin.editor.publishAtIs"), getLocale(), Texts.dateTime(saved.publishAt(), getLocale()))) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(saved != null && saved.publishAt() != null);
            }
        });
        add(visibleWhen(new WebMarkupContainer("late"), () -> saved != null && saved.publishedLate()));
        ExternalLink publicLink = new ExternalLink("publicLink", () -> saved == null ? null
                : page ? PageRoutes.page(language, saved.slug()) : ArticleRoutes.article(language, saved.slug()));
        add(visibleWhen(publicLink, () -> saved != null && saved.status() == ArticleStatus.PUBLISHED));
        add(visibleWhen(new BookmarkablePageLink<Void>("revisionsLink", RevisionsPage.class,
                RevisionsPage.parameters(key, language)), () -> saved != null));
        add(new FeedbackPanel("feedback", new ContainerFeedbackMessageFilter(this)).setOutputMarkupId(true));
        add(newConflict("conflict"));
        add(newForm("form"));
    }

    private Component newConflict(String id) {
        WebMarkupContainer conflict = visibleWhen(new WebMarkupContainer(id), () -> theirs != null);
        conflict.add(new Label("who", () -> theirs == null ? "" : Texts.format(getString("admin.editor.conflict.who"),
                getLocale(), theirs.authorEmail() == null ? "—" : theirs.authorEmail(),
                Texts.dateTime(theirs.updatedAt(), getLocale()))));
        conflict.add(new Label("theirTitle", () -> theirs == null ? "" : theirs.title()));
        conflict.add(new Label("theirBody", () -> theirs == null ? "" : theirs.bodyMarkdown()));
        return conflict;
    }

    private Form<Void> newForm(String id) {
        Form<Void> f = new Form<>(id) {
            @Override
            protected void onFileUploadException(FileUploadException e, Map<String, Object> model) {
                // Larger than any text and image allowed together: say so in words, not as a failure.
                TranslationEditorPanel.this.error(getString("admin.editor.requestTooLarge"));
            }
        };
        f.setMultiPart(true);
        f.setMaxSize(Bytes.megabytes(8));
        f.setFileMaxSize(Bytes.bytes(ImageService.MAX_BYTES + 1L));
        f.add(field(new TextField<>("title", bind(ArticleDraftForm::getTitle, ArticleDraftForm::setTitle)), "title"));
        f.add(field(new TextField<>("slug", bind(ArticleDraftForm::getSlug, ArticleDraftForm::setSlug)), "slug"));
        f.add(field(new TextArea<>("summary", bind(ArticleDraftForm::getSummary, ArticleDraftForm::setSummary)), "summary"));
        IModel<List<CategoryView>> categories = LoadableDetachableModel.of(() ->
                PortalApplication.get().editorial().categories(StaffSession.get().language()));
        DropDownChoice<String> category = new DropDownChoice<>("category",
                bind(ArticleDraftForm::getCategory, ArticleDraftForm::setCategory),
                categories.map(list -> list.stream().map(CategoryView::key).toList()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(String categoryKey) {
                        return categories.getObject().stream().filter(c -> c.key().equals(categoryKey))
                                .map(CategoryView::name).findFirst().orElse(categoryKey);
                    }
                });
        category.setNullValid(true);
        f.add(field(category, "category").setVisible(!page));
        f.add(field(new TextField<>("tags", bind(ArticleDraftForm::getTags, ArticleDraftForm::setTags)), "tags")
                .setVisible(!page));
        f.add(field(typed(new TextField<>("reviewBy", bind(ArticleDraftForm::getReviewBy, ArticleDraftForm::setReviewBy)),
                "date"), "reviewBy").setVisible(!page));
        f.add(field(typed(new TextField<>("reviewed", bind(ArticleDraftForm::getReviewed, ArticleDraftForm::setReviewed)),
                "date"), "reviewed"));
        f.add(new SourcesEditorPanel("sources", form, language));
        WebMarkupContainer previewArea = new WebMarkupContainer("previewArea");
        previewArea.setOutputMarkupId(true);
        // The preview is HTML from MarkdownRenderer, the same sanitizer as the public page (raw HTML escaped,
        // only safe link schemes): like the article body there, it is the one text not escaped again.
        previewArea.add(new Label("previewHtml", () -> previewHtml).setEscapeModelStrings(false));
        previewArea.add(AttributeModifier.replace("hidden", () -> previewHtml == null ? "hidden" : null));
        TextArea<String> body = new TextArea<>("body", bind(ArticleDraftForm::getBody, ArticleDraftForm::setBody));
        body.add(AttributeModifier.replace("data-preview-url",
                () -> RequestCycle.get().getUrlRenderer().renderContextRelativeUrl(ArticleRoutes.PREVIEW)));
        body.add(AttributeModifier.replace("data-preview-target", previewArea::getMarkupId));
        f.add(field(body, "body"));
        f.add(previewArea);
        f.add(new ContentChecksPanel("checks", form.map(ArticleDraftForm::getBody)));
        f.add(new CheckBox("follows", bind(ArticleDraftForm::isFollowsOther, ArticleDraftForm::setFollowsOther))
                .setMarkupId("follows-" + language.code()));
        f.add(newCoverPreview("coverPreview"));
        f.add(new CheckBox("removeCover", bind(ArticleDraftForm::isRemoveCover, ArticleDraftForm::setRemoveCover)) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(form.getObject().getCoverImageId() != null);
            }
        });
        FileUploadField coverFile = new FileUploadField("coverFile");
        coverFile.setVisible(!page);
        f.add(field(coverFile, "cover"));
        f.add(field(new TextField<>("coverAlt", bind(ArticleDraftForm::getCoverAlt, ArticleDraftForm::setCoverAlt)),
                "coverAlt"));
        f.add(field(typed(new TextField<>("publishAt", bind(ArticleDraftForm::getPublishAt, ArticleDraftForm::setPublishAt)),
                "datetime-local"), "publishAt"));
        f.add(new Button("preview") {
            @Override
            public void onSubmit() {
                String text = form.getObject().getBody() == null ? "" : form.getObject().getBody();
                if (text.length() > EditorialService.MAX_BODY) {
                    error(problem(new EditorialProblem("body", EditorialProblem.Code.TOO_LONG,
                            String.valueOf(EditorialService.MAX_BODY))));
                } else {
                    previewHtml = PortalApplication.get().editorial().preview(text);
                }
            }
        });
        f.add(stepButton("save", Step.SAVE, coverFile, () -> true));
        f.add(stepButton("submit", Step.SUBMIT, coverFile, () -> saved == null || saved.status() != ArticleStatus.IN_REVIEW));
        f.add(stepButton("publish", Step.PUBLISH, coverFile, () -> true));
        f.add(stepButton("schedule", Step.SCHEDULE, coverFile, () -> true));
        f.add(stepButton("unpublish", Step.UNPUBLISH, coverFile, () -> saved != null
                && (saved.status() == ArticleStatus.PUBLISHED || saved.status() == ArticleStatus.SCHEDULED)));
        return f;
    }

    private Component newCoverPreview(String id) {
        WebMarkupContainer image = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(cover() != null);
            }
        };
        image.add(AttributeModifier.replace("src", () -> cover() == null ? null : cover().smallPath()));
        image.add(AttributeModifier.replace("alt", () -> form.getObject().getCoverAlt() == null ? "" : form.getObject().getCoverAlt()));
        image.add(AttributeModifier.replace("width", () -> cover() == null ? null : String.valueOf(cover().smallWidth())));
        image.add(AttributeModifier.replace("height", () -> cover() == null ? null : String.valueOf(cover().smallHeight())));
        return image;
    }

    private CoverImage cover() {
        return PortalApplication.get().images().find(form.getObject().getCoverImageId()).orElse(null);
    }

    private Button stepButton(String id, Step step, FileUploadField coverFile, IModel<Boolean> offered) {
        return new Button(id) {
            @Override
            public void onSubmit() {
                act(step, coverFile);
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(offered.getObject());
            }
        };
    }

    /** Uploads the new cover if one was chosen, then saves and takes the step; messages say what happened. */
    private void act(Step step, FileUploadField coverFile) {
        ArticleDraftForm typed = form.getObject();
        if (!typed.reviewByIsValid()) {
            componentFor(coverFile, "reviewBy").error(getString("admin.editor.badDate"));
            return;
        }
        if (!typed.reviewedIsValid() || !typed.sourcesWithBadDate().isEmpty()) {
            if (!typed.reviewedIsValid()) {
                componentFor(coverFile, "reviewed").error(getString("admin.editor.badDate"));
            }
            typed.sourcesWithBadDate().forEach(row -> componentFor(coverFile, "source." + row + ".consulted")
                    .error(sourceMessage(row, getString("admin.editor.badDate"))));
            return;
        }
        FileUpload upload = coverFile.getFileUpload();
        if (upload != null && upload.getSize() > 0) {
            ImageService.UploadResult uploaded;
            try (InputStream in = upload.getInputStream()) {
                uploaded = PortalApplication.get().images().upload(StaffSession.get().user().orElse(null), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                upload.closeStreams();
            }
            if (!uploaded.accepted()) {
                coverFile.error(getString("admin.editor.image." + uploaded.refusal().name()));
                return;
            }
            typed.setCoverImageId(uploaded.image().id());
            typed.setRemoveCover(false);
        }
        if (step == Step.SCHEDULE && typed.publishAtValue() == null && typed.getPublishAt() != null
                && !typed.getPublishAt().isBlank()) {
            componentFor(coverFile, "publishAt").error(getString("admin.editor.badDateTime"));
            return;
        }
        SaveResult result = PortalApplication.get().editorial().save(StaffSession.get().user().orElse(null), key,
                language, expectedVersion, typed.toDraft(), step, typed.publishAtValue());
        if (result instanceof SaveResult.Saved s) {
            String before = saved == null ? null : saved.categoryKey();
            saved = s.translation();
            expectedVersion = saved.version();
            theirs = null;
            typed.fill(saved.toDraft());
            typed.setPublishAt(null);
            info(step == Step.SCHEDULE
                    ? Texts.format(getString("admin.editor.done.SCHEDULE"), getLocale(),
                    Texts.dateTime(saved.publishAt(), getLocale()))
                    : getString("admin.editor.done." + step.name()));
            if (!Objects.equals(before, saved.categoryKey())) {
                send(getPage(), Broadcast.BREADTH, new CategoryChanged(saved.categoryKey()));
            }
        } else if (result instanceof SaveResult.Rejected r) {
            r.problems().forEach(p -> componentFor(coverFile, p.field()).error(problem(p)));
            if (r.problems().stream().anyMatch(p -> p.field().startsWith("source"))) {
                error(getString("admin.editor.sources.notSaved"));
            }
        } else if (result instanceof SaveResult.Conflict c) {
            theirs = c.theirs();
            // The next save replaces their version knowingly; until then the editor's text stays in the form.
            expectedVersion = theirs == null ? EditorialService.NEW_TRANSLATION : theirs.version();
            error(getString("admin.editor.conflict"));
        }
    }

    @Override
    public void onEvent(IEvent<?> event) {
        if (event.getPayload() instanceof CategoryChanged changed) {
            // One category for both languages: the other side's next save must not set the old one back.
            form.getObject().setCategory(changed.categoryKey());
        }
    }

    private String problem(EditorialProblem p) {
        String[] source = p.field().split("\\.");
        if (source.length == 3 && source[0].equals("source")) {
            // A source row's field, "source.2.url": the message names the row as the form numbers it.
            return sourceMessage(Integer.parseInt(source[1]), SaveProblems.message(this, "admin.editor",
                    "source." + source[2], p.code().name(), p.detail()));
        }
        return SaveProblems.message(this, "admin.editor", p.field(), p.code().name(), p.detail());
    }

    private String sourceMessage(int row, String message) {
        return Texts.format(getString("admin.editor.source.problem"), getLocale(), row + 1, message);
    }

    /** The form component of a problem's field, or this panel for problems not tied to one. */
    private Component componentFor(FileUploadField coverFile, String field) {
        if ("cover".equals(field)) {
            return coverFile;
        }
        String[] source = field.split("\\.");
        if (source.length == 3 && source[0].equals("source")) {
            Component c = ((SourcesEditorPanel) get("form:sources")).fieldOf(Integer.parseInt(source[1]), source[2]);
            return c != null ? c : this;
        }
        Component c = get("form:" + field);
        return c != null ? c : this;
    }

    private <T> FormComponent<T> field(FormComponent<T> component, String name) {
        component.setLabel(() -> getString("admin.editor.field." + name));
        component.setMarkupId(name + "-" + language.code());
        return component;
    }

    private static <T> TextField<T> typed(TextField<T> field, String type) {
        return new TypedTextField<>(field.getId(), field.getModel(), type);
    }

    private <T> IModel<T> bind(SerializableFunction<ArticleDraftForm, T> getter,
                               SerializableBiConsumer<ArticleDraftForm, T> setter) {
        return LambdaModel.of(form, getter, setter);
    }

    private static <C extends Component> C visibleWhen(C component, IModel<Boolean> condition) {
        component.add(new Behavior() {
            @Override
            public void onConfigure(Component c) {
                c.setVisible(condition.getObject());
            }
        });
        return component;
    }

    /** A text field for HTML input types Wicket's TextField does not accept by default (date, datetime-local). */
    private static final class TypedTextField<T> extends TextField<T> {
        private final String type;

        TypedTextField(String id, IModel<T> model, String type) {
            super(id, model);
            this.type = type;
        }

        @Override
        protected String[] getInputTypes() {
            return new String[] {type};
        }
    }

    public Language language() {
        return language;
    }
}
