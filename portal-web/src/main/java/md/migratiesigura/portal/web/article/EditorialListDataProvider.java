package md.migratiesigura.portal.web.article;

import java.util.Iterator;
import md.migratiesigura.portal.article.EditorialFilter;
import md.migratiesigura.portal.article.EditorialListItem;
import md.migratiesigura.portal.common.ResultPage;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.markup.repeater.data.IDataProvider;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;

/** The editors' article list for a filter, one page at a time from the database. */
public class EditorialListDataProvider implements IDataProvider<EditorialListItem> {

    private final EditorialFilter filter;
    private transient ResultPage<EditorialListItem> last;

    public EditorialListDataProvider(EditorialFilter filter) {
        this.filter = filter;
    }

    @Override
    public Iterator<? extends EditorialListItem> iterator(long first, long count) {
        int size = Math.toIntExact(count);
        int page = Math.toIntExact(first / Math.max(1, size)) + 1;
        return PortalApplication.get().editorialList().list(filter, page, size).items().iterator();
    }

    @Override
    public long size() {
        // Asked several times while a page renders: counted once per request.
        if (last == null) {
            last = PortalApplication.get().editorialList().list(filter, 1, 1);
        }
        return last.total();
    }

    @Override
    public IModel<EditorialListItem> model(EditorialListItem item) {
        return Model.of(item);
    }

    @Override
    public void detach() {
        last = null;
    }
}
