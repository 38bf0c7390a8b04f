package md.migratiesigura.portal.web.event;

import java.util.List;
import md.migratiesigura.portal.event.EventStatus;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.common.BasePage;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/** A list of events: when, title (linked), type and place; cancelled ones say so. */
public class EventListPanel extends Panel {

    public EventListPanel(String id, IModel<List<EventView>> events) {
        super(id, events);
        add(new ListView<>("items", events) {
            @Override
            protected void populateItem(ListItem<EventView> item) {
                EventView e = item.getModelObject();
                BasePage page = (BasePage) getPage();
                WebMarkupContainer time = new WebMarkupContainer("time");
                time.add(AttributeModifier.replace("datetime", EventTexts.iso(e.start())));
                time.add(new Label("text", EventTexts.when(e, getLocale())));
                item.add(time);
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", EventPage.class,
                        EventPage.parameters(page.language(), e.key()));
                link.add(new Label("title", e.title(page.language())));
                item.add(link);
                item.add(new Label("type", getString("event.type." + e.type().code())));
                item.add(new Label("place", EventTexts.place(e, page.language())));
                item.add(new Label("cancelled", getString("event.status.cancelled"))
                        .setVisible(e.status() == EventStatus.CANCELLED));
            }
        });
    }
}
