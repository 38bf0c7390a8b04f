package md.migratiesigura.portal.web.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.account.StaffSessionRecords;
import org.eclipse.jetty.session.AbstractSessionDataStore;
import org.eclipse.jetty.session.DefaultSessionCache;
import org.eclipse.jetty.session.ManagedSession;
import org.eclipse.jetty.session.SessionData;
import org.eclipse.jetty.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's store of back-office sessions, on the database ({@link StaffSessionRecords}), so that another portal node
 * takes over a signed-in member of staff whose node was lost. Only the attributes named in {@link #KEPT} are written:
 * the {@link StaffSession.Snapshot} (who signed in, when, how far), never Wicket's session object with its stored
 * pages, which stay in the memory of the node that rendered them (a page that showed a consultation must not outlive
 * it, nor reach a disk). A node that takes a session over rebuilds the Wicket session from the snapshot
 * ({@link StaffSessionStore}); the pages the other node held are gone, and a back-office address opens afresh.
 */
public final class StaffSessionDataStore extends AbstractSessionDataStore {

    private static final Logger log = LoggerFactory.getLogger(StaffSessionDataStore.class);
    /** The session attributes written to the database. */
    static final Set<String> KEPT = Set.of(StaffSession.SNAPSHOT_ATTRIBUTE);
    /** What a stored record may contain when read back: the snapshot's own types, nothing else. */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=6;maxrefs=200;maxbytes=4096;java.util.HashMap;java.util.Map$Entry;java.lang.*;java.time.*;"
                    + "java.lang.Enum;md.migratiesigura.portal.common.*;md.migratiesigura.portal.web.security.*;!*");
    private static final int FORMAT = 1;

    private final StaffSessionRecords records;

    public StaffSessionDataStore(StaffSessionRecords records) {
        this.records = records;
        // The expiry other nodes see moves on at most this late while a session is only read.
        setSavePeriodSec(30);
    }

    @Override
    public boolean isPassivating() {
        return true;
    }

    @Override
    public boolean doExists(String id) {
        return records.exists(id, System.currentTimeMillis());
    }

    @Override
    public void doStore(String id, SessionData data, long lastSaveTime) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(data.getCreated());
            out.writeLong(data.getAccessed());
            out.writeLong(data.getLastAccessed());
            out.writeLong(data.getMaxInactiveMs());
            out.writeLong(data.getCookieSet());
            HashMap<String, Object> kept = new HashMap<>();
            for (String name : data.getKeys()) {
                Object value = data.getAttribute(name);
                if (KEPT.contains(name) && value instanceof Serializable) {
                    kept.put(name, value);
                }
            }
            try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(kept);
            }
        }
        records.save(id, data.getExpiry(), bytes.toByteArray());
    }

    @Override
    public SessionData doLoad(String id) {
        Optional<byte[]> record = records.load(id, System.currentTimeMillis());
        if (record.isEmpty()) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record.get()))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            long created = in.readLong();
            long accessed = in.readLong();
            long lastAccessed = in.readLong();
            long maxInactive = in.readLong();
            long cookieSet = in.readLong();
            SessionData data = newSessionData(id, created, accessed, lastAccessed, maxInactive);
            data.setCookieSet(cookieSet);
            try (ObjectInputStream objects = new ObjectInputStream(in)) {
                objects.setObjectInputFilter(ALLOWED);
                if (objects.readObject() instanceof Map<?, ?> attributes) {
                    attributes.forEach((name, value) -> {
                        if (name instanceof String key && KEPT.contains(key)) {
                            data.setAttribute(key, value);
                        }
                    });
                }
            }
            data.calcAndSetExpiry(accessed);
            data.setDirty(false);
            return data;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            log.warn("A stored staff session could not be read, it is dropped: {}", e.toString());
            return null;
        }
    }

    @Override
    public boolean delete(String id) {
        records.delete(id);
        return true;
    }

    @Override
    public Set<String> doCheckExpired(Set<String> candidates, long time) {
        // A session this node holds has expired unless another node has kept it alive meanwhile.
        Set<String> expired = new HashSet<>();
        for (String id : candidates) {
            if (!records.exists(id, time)) {
                expired.add(id);
            }
        }
        return expired;
    }

    @Override
    public Set<String> doGetExpired(long time) {
        // The sessions of other nodes hold nothing here: their rows are just deleted (doCleanOrphans).
        return Set.of();
    }

    @Override
    public void doCleanOrphans(long time) {
        int deleted = records.deleteExpired(time);
        if (deleted > 0) {
            log.debug("Deleted {} expired staff sessions", deleted);
        }
    }

    /**
     * Jetty's session cache in memory, which first asks the database whether a session it holds still exists: a
     * session signed out, or ended, on another node ends here too, at its next request.
     */
    public static final class Verifying extends DefaultSessionCache {

        public Verifying(SessionManager manager) {
            super(manager);
            // A new session is in the database at once, so that the next request on any node finds it.
            setSaveOnCreate(true);
        }

        @Override
        public ManagedSession get(String id) throws Exception {
            ManagedSession cached = doGet(id);
            if (cached != null && cached.isValid() && !getSessionDataStore().exists(id)) {
                try {
                    cached.invalidate();
                } catch (IllegalStateException alreadyGone) {
                    // ended meanwhile
                }
                doDelete(id);
                return null;
            }
            return super.get(id);
        }
    }
}
