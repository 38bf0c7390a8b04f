package md.migratiesigura.portal.web.common;

import java.io.Serializable;
import java.util.function.IntFunction;
import org.apache.wicket.Page;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** "Previous · page 2 of 5 · next" as bookmarkable links: pages stay stateless and every page has an address. */
public class PagerPanel extends Panel {

    private final IModel<Long> pageCount;

    /**
     * @param parametersForPage the page parameters of page n (1-based)
     */
    public PagerPanel(String id, Class<? extends Page> pageClass, int page, IModel<Long> pageCount,
                      SerializableIntFunction parametersForPage) {
        super(id);
        this.pageCount = pageCount;
        add(link("previous", pageClass, page - 1, parametersForPage));
        add(link("next", pageClass, page + 1, parametersForPage));
        add(new Label("position", () -> Texts.format(getString("pager.pageOf"), getLocale(), page, pageCount.getObject())));
    }

    private AnchorLink<Void> link(String id, Class<? extends Page> pageClass, int target,
                                  SerializableIntFunction parametersForPage) {
        return new AnchorLink<>(id, pageClass) {
            @Override
            public PageParameters getPageParameters() {
                return parametersForPage.apply(target);
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(target >= 1 && target <= pageCount.getObject());
            }
        };
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        setVisible(pageCount.getObject() > 1);
    }

    @Override
    protected void onDetach() {
        pageCount.detach();
        super.onDetach();
    }

    /** Page parameters for a page number, serializable so the page can be. */
    @FunctionalInterface
    public interface SerializableIntFunction extends IntFunction<PageParameters>, Serializable {
    }
}
