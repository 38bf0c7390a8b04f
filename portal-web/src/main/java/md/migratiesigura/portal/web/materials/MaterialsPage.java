package md.migratiesigura.portal.web.materials;

import java.util.Arrays;
import java.util.List;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.materials.Audience;
import md.migratiesigura.portal.materials.MaterialFile;
import md.migratiesigura.portal.materials.MaterialView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.SelectOptions;
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
 * {@code /ro/materiale}, {@code /ru/materialy}: the leaflets and posters to download, newest first, each with its
 * thumbnail, title, description and, per language, the file's type and size before the download. Filters by topic
 * and audience in a plain GET form (stateless, no JavaScript); a value that is not one of the choices is answered
 * with a message and status 400, and the listing without that filter.
 */
public class MaterialsPage extends BasePage {

    private final String topic;
    private final Audience audience;
    private String refusal;
    private final IModel<List<MaterialView>> materials;

    public MaterialsPage(PageParameters parameters) {
        super(parameters);
        List<CategoryView> topics = PortalApplication.get().articles().categories(language());
        String topicKey = parameters.get("topic").toString("");
        String audienceKey = parameters.get("audience").toString("");
        this.topic = topics.stream().map(CategoryView::key).filter(topicKey::equals).findFirst().orElse(null);
        this.audience = Audience.ofParameter(audienceKey).orElse(null);
        if (!topicKey.isEmpty() && topic == null || !audienceKey.isEmpty() && audience == null) {
            refusal = getString("materials.filter.invalid");
        }
        this.materials = LoadableDetachableModel.of(() -> PortalApplication.get().materials().published(topic, audience));

        WebMarkupContainer form = new WebMarkupContainer("form");
        form.add(AttributeModifier.replace("action", () -> urlFor(MaterialsPage.class, parametersIn(language())).toString()));
        form.add(SelectOptions.of("topics", topics, CategoryView::key, CategoryView::name,
                topics.stream().filter(t -> t.key().equals(topic)).findFirst().orElse(null)));
        form.add(SelectOptions.of("audiences", Arrays.asList(Audience.values()), Audience::parameter,
                a -> getString("materials.audience." + a.name()), audience));
        add(form);
        add(new Label("refusal", () -> refusal).setVisible(refusal != null));
        add(new ListView<>("materials", materials) {
            @Override
            protected void populateItem(ListItem<MaterialView> item) {
                item.add(card(item.getModelObject(), topics));
            }
        });
        add(new Label("none", getString("materials.none")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(materials.getObject().isEmpty());
            }
        });
    }

    private WebMarkupContainer card(MaterialView material, List<CategoryView> topics) {
        Language language = language();
        WebMarkupContainer card = new WebMarkupContainer("card");
        MaterialFile first = material.file(language).orElse(material.files().get(0));
        card.add(new WebMarkupContainer("thumbnail").add(AttributeModifier.replace("src",
                MaterialRoutes.thumbnail(material.key(), first))));
        card.add(new Label("title", material.title(language)));
        card.add(new Label("topic", topics.stream().filter(t -> t.key().equals(material.topic())).map(CategoryView::name)
                .findFirst().orElse(material.topic())));
        card.add(new Label("audience", getString("materials.audience." + material.audience().name())));
        card.add(new Label("description", material.description(language)).setVisible(!material.description(language).isEmpty()));
        List<MaterialFile> files = material.files().stream()
                .sorted((a, b) -> Boolean.compare(b.language() == language, a.language() == language)).toList();
        card.add(new ListView<>("files", files) {
            @Override
            protected void populateItem(ListItem<MaterialFile> item) {
                MaterialFile file = item.getModelObject();
                WebMarkupContainer link = new WebMarkupContainer("download");
                link.add(AttributeModifier.replace("href", MaterialRoutes.file(material.key(), file)));
                link.add(AttributeModifier.replace("hreflang", file.language().code()));
                link.add(AttributeModifier.replace("type", file.kind().mediaType()));
                link.add(new Label("label", getString("materials.download." + file.language().code())));
                link.add(new Label("details", file.kind().name() + ", " + FileSizes.format(file.bytes(), getLocale())));
                item.add(link);
            }
        });
        return card;
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        if (refusal != null) {
            response.setStatus(400);
        }
    }

    @Override
    protected boolean isIndexable() {
        return topic == null && audience == null && refusal == null;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("materials.title");
    }

    @Override
    protected IModel<String> description() {
        return () -> getString("materials.lead");
    }

    @Override
    protected void onDetach() {
        materials.detach();
        super.onDetach();
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
