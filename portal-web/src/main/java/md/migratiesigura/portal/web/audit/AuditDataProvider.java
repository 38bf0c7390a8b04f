package md.migratiesigura.portal.web.audit;

import java.util.Iterator;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.markup.repeater.data.IDataProvider;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;

/** The audit log, newest first, one page at a time from the database. */
public class AuditDataProvider implements IDataProvider<AuditRecord> {

    private Long size;

    @Override
    public Iterator<? extends AuditRecord> iterator(long first, long count) {
        return PortalApplication.get().audit().newest(first, Math.toIntExact(count)).iterator();
    }

    @Override
    public long size() {
        // Asked several times while a page renders: counted once per request.
        if (size == null) {
            size = PortalApplication.get().audit().count();
        }
        return size;
    }

    @Override
    public IModel<AuditRecord> model(AuditRecord entry) {
        return Model.of(entry);
    }

    @Override
    public void detach() {
        size = null;
    }
}
