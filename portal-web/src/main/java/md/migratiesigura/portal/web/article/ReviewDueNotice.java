package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.Application;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;

/**
 * On the dashboard, for those who may open {@link ReviewPage}: how many language versions wait for a review of their
 * sources, with a link to the list. Nothing is shown when none waits.
 */
public class ReviewDueNotice extends Panel {

    private final IModel<Long> count = LoadableDetachableModel.of(
            () -> PortalApplication.get().editorialList().reviewDueCount());

    public ReviewDueNotice(String id) {
        super(id);
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", ReviewPage.class);
        link.add(new Label("text", () -> Texts.plural(getString("admin.review.dashboard"), getLocale(), count.getObject())));
        add(link);
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        boolean allowed = Application.get().getSecuritySettings().getAuthorizationStrategy()
                .isInstantiationAuthorized(ReviewPage.class);
        setVisible(allowed && count.getObject() > 0);
    }

    @Override
    protected void onDetach() {
        count.detach();
        super.onDetach();
    }
}
