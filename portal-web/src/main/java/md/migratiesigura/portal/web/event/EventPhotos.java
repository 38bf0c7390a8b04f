package md.migratiesigura.portal.web.event;

import java.util.List;
import md.migratiesigura.portal.web.media.MediaRoutes;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;

/** An event's photos, the 600-pixel files of uploaded images, each in an {@code <img wicket:id="image">}. */
public class EventPhotos extends ListView<String> {

    public EventPhotos(String id, List<String> imageIds) {
        super(id, imageIds);
    }

    @Override
    protected void populateItem(ListItem<String> item) {
        WebMarkupContainer image = new WebMarkupContainer("image");
        image.add(AttributeModifier.replace("src", MediaRoutes.small(item.getModelObject())));
        image.add(AttributeModifier.replace("alt", getString("event.photo") + " " + (item.getIndex() + 1)));
        item.add(image);
    }
}
