package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.article.ArticleStatus;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.ResourceModel;

/** Small status labels shared by the editorial pages: text from the properties, a CSS class per state. */
public final class Badges {

    private Badges() {
    }

    /** The status of a language version, or "missing" when the model gives null. */
    public static Label status(String id, IModel<ArticleStatus> status) {
        Label label = new Label(id, () -> {
            ArticleStatus s = status.getObject();
            return new ResourceModel(s == null ? "admin.status.MISSING" : "admin.status." + s.name())
                    .getObject();
        });
        label.add(AttributeModifier.append("class",
                () -> "badge badge-" + (status.getObject() == null ? "missing" : status.getObject().name().toLowerCase())));
        return label;
    }
}
