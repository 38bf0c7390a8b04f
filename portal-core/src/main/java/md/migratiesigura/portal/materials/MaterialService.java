package md.migratiesigura.portal.materials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.materials.MaterialException.Reason;
import md.migratiesigura.portal.report.MaterialFigures;
import md.migratiesigura.portal.search.SearchOutbox;
import md.migratiesigura.portal.storage.BlobStore;
import md.migratiesigura.portal.storage.StoredFile;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The information materials. Editors and administrators upload, replace, retire and restore (each audited, the
 * target being the material's key); trainers see and download every material, retired ones included, in the back
 * office; readers see those not retired. A file is checked by {@link MaterialFiles} before anything is written, and
 * the material's row, its files and their thumbnails are written in one transaction: a refused upload leaves nothing.
 * A replaced file is deleted with the change that replaces it.
 */
public final class MaterialService {

    private static final Logger log = LoggerFactory.getLogger(MaterialService.class);
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 1000;
    private static final Set<Role> EDITING = Set.of(Role.EDITOR, Role.ADMINISTRATOR);
    private static final Set<Role> VIEWING = Set.of(Role.EDITOR, Role.ADMINISTRATOR, Role.TRAINER);
    /** The outbox type that says "the materials changed": the index skips it, every node's page cache moves on. */
    static final String OUTBOX_TYPE = "materials";

    /** A database step inside the service's transaction. */
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final SessionFactory sessionFactory;
    private final BlobStore blobs;
    private final DownloadCounter downloads;
    private final AuditService audit;
    private final Clock clock;

    public MaterialService(SessionFactory sessionFactory, BlobStore blobs, DownloadCounter downloads, AuditService audit,
                           Clock clock) {
        this.sessionFactory = sessionFactory;
        this.blobs = blobs;
        this.downloads = downloads;
        this.audit = audit;
        this.clock = clock;
    }

    /** Materials readers see, newest first; a null topic or audience matches any. */
    public List<MaterialView> published(String topic, Audience audience) {
        return read(c -> MaterialQueries.list(c, false, topic, audience));
    }

    /** Every material, retired ones too, for the back office: editors, administrators and trainers. */
    public List<MaterialView> all(SignedInUser viewer) {
        return sessionFactory.fromTransaction(session -> {
            requireRole(session, viewer, VIEWING);
            return session.doReturningWork(c -> MaterialQueries.list(c, true, null, null));
        });
    }

    /** A material by key, retired or not: callers decide who may see a retired one. */
    public Optional<MaterialView> byKey(String key) {
        if (key == null || !Slugs.isValid(key)) {
            return Optional.empty();
        }
        return read(c -> MaterialQueries.byKey(c, key));
    }

    /** Whether this person may see and download retired materials. */
    public boolean maySeeAll(SignedInUser viewer) {
        return viewer != null && VIEWING.contains(viewer.role());
    }

    /** Whether this person may upload, replace, retire and restore. */
    public boolean mayEdit(SignedInUser viewer) {
        return viewer != null && EDITING.contains(viewer.role());
    }

    /**
     * A new material with a file in one or both languages.
     *
     * @throws MaterialException why it was refused (nothing is saved)
     */
    public MaterialView create(SignedInUser actor, MaterialDraft draft, Map<Language, byte[]> files) {
        MaterialDraft texts = checked(draft);
        Map<Language, byte[]> present = new EnumMap<>(Language.class);
        files.forEach((language, bytes) -> {
            if (bytes != null && bytes.length > 0) {
                present.put(language, bytes);
            }
        });
        if (present.isEmpty()) {
            throw new MaterialException(Reason.NO_FILE);
        }
        Map<Language, MaterialFiles.Checked> checked = new EnumMap<>(Language.class);
        present.forEach((language, bytes) -> checked.put(language, MaterialFiles.check(bytes)));
        String key = sessionFactory.fromTransaction(session -> {
            requireRole(session, actor, EDITING);
            String created = session.doReturningWork(c -> {
                requireTopic(c, texts.topic());
                String unique = uniqueKey(c, Slugs.slugify(texts.titleRo()));
                long id = insert(c, unique, texts, null);
                for (Map.Entry<Language, byte[]> file : present.entrySet()) {
                    putFile(c, id, file.getKey(), file.getValue(), checked.get(file.getKey()));
                }
                return unique;
            });
            audit.record(session, actor, AuditAction.MATERIAL_CREATED, created, describe(checked));
            SearchOutbox.changed(session, OUTBOX_TYPE, created, clock.instant());
            return created;
        });
        return byKey(key).orElseThrow();
    }

    /** Puts a new file in place of a language's file (or adds that language). */
    public MaterialView replaceFile(SignedInUser actor, String key, Language language, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MaterialException(Reason.NO_FILE);
        }
        return update(actor, key, null, Map.of(language, bytes));
    }

    /** Saves a material's titles, descriptions, topic and audience. */
    public MaterialView save(SignedInUser actor, String key, MaterialDraft draft) {
        return update(actor, key, draft, Map.of());
    }

    /**
     * Saves the texts (unless null) and puts the given files in place, all in one transaction: a refused file
     * leaves the texts and the other language as they were.
     */
    public MaterialView update(SignedInUser actor, String key, MaterialDraft draft, Map<Language, byte[]> files) {
        MaterialDraft texts = draft == null ? null : checked(draft);
        Map<Language, byte[]> present = new EnumMap<>(Language.class);
        files.forEach((language, bytes) -> {
            if (bytes != null && bytes.length > 0) {
                present.put(language, bytes);
            }
        });
        Map<Language, MaterialFiles.Checked> checked = new EnumMap<>(Language.class);
        present.forEach((language, bytes) -> checked.put(language, MaterialFiles.check(bytes)));
        sessionFactory.inTransaction(session -> {
            requireRole(session, actor, EDITING);
            session.doWork(c -> {
                long id = idOf(c, key);
                if (texts != null) {
                    requireTopic(c, texts.topic());
                    try (PreparedStatement s = c.prepareStatement("UPDATE materials SET topic = ?, audience = ?,"
                            + " title_ro = ?, title_ru = ?, description_ro = ?, description_ru = ?, updated_at = ?"
                            + " WHERE id = ?")) {
                        setTexts(s, texts, 1);
                        s.setTimestamp(7, Timestamp.from(clock.instant()));
                        s.setLong(8, id);
                        s.executeUpdate();
                    }
                }
                for (Map.Entry<Language, byte[]> file : present.entrySet()) {
                    putFile(c, id, file.getKey(), file.getValue(), checked.get(file.getKey()));
                }
                if (!present.isEmpty()) {
                    // The editor's file stands: the bundled one is not generated over it again.
                    update(c, "UPDATE materials SET source_sha256 = NULL, updated_at = ? WHERE id = ?", id);
                }
            });
            if (texts != null) {
                audit.record(session, actor, AuditAction.MATERIAL_SAVED, key, null);
            }
            if (!present.isEmpty()) {
                audit.record(session, actor, AuditAction.MATERIAL_FILE_REPLACED, key, describe(checked));
            }
            SearchOutbox.changed(session, OUTBOX_TYPE, key, clock.instant());
        });
        return byKey(key).orElseThrow();
    }

    /** Hides a material from readers; it stays in the back office and can be restored. */
    public void retire(SignedInUser actor, String key) {
        setRetired(actor, key, true, AuditAction.MATERIAL_RETIRED);
    }

    public void restore(SignedInUser actor, String key) {
        setRetired(actor, key, false, AuditAction.MATERIAL_RESTORED);
    }

    private void setRetired(SignedInUser actor, String key, boolean retired, AuditAction action) {
        sessionFactory.inTransaction(session -> {
            requireRole(session, actor, EDITING);
            session.doWork(c -> {
                long id = idOf(c, key);
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE materials SET retired = ?, updated_at = ? WHERE id = ?")) {
                    s.setBoolean(1, retired);
                    s.setTimestamp(2, Timestamp.from(clock.instant()));
                    s.setLong(3, id);
                    s.executeUpdate();
                }
            });
            audit.record(session, actor, action, key, null);
            SearchOutbox.changed(session, OUTBOX_TYPE, key, clock.instant());
        });
    }

    /** Whether a bundled material is stored as generated from this source (then nothing needs generating). */
    public boolean isBundledCurrent(String key, String sourceSha256) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT source_sha256 FROM materials WHERE material_key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    // A material an editor changed (no source hash) is theirs: it is never generated over.
                    return rs.next() && (rs.getString(1) == null || rs.getString(1).equals(sourceSha256));
                }
            }
        });
    }

    /**
     * Adds a bundled material, or puts its newly generated files in place when its source changed; a material an
     * editor changed, or retired, keeps what the editor did. No audit entry: nobody did it.
     */
    public void importBundled(BundledMaterial material) {
        if (isBundledCurrent(material.key(), material.sourceSha256())) {
            return;
        }
        MaterialDraft texts = checked(material.texts());
        Map<Language, MaterialFiles.Checked> checked = new EnumMap<>(Language.class);
        material.files().forEach((language, bytes) -> checked.put(language, MaterialFiles.check(bytes)));
        sessionFactory.inTransaction(session -> {
            session.doWork(c -> importBundled(c, material, texts, checked));
            SearchOutbox.changed(session, OUTBOX_TYPE, material.key(), clock.instant());
        });
        log.info("Bundled material {} stored", material.key());
    }

    private void importBundled(Connection c, BundledMaterial material, MaterialDraft texts,
                               Map<Language, MaterialFiles.Checked> checked) throws SQLException {
        requireTopic(c, texts.topic());
        Optional<MaterialView> existing = MaterialQueries.byKey(c, material.key());
        long id = existing.isPresent() ? existing.get().id() : insert(c, material.key(), texts, material.sourceSha256());
        for (Map.Entry<Language, byte[]> file : material.files().entrySet()) {
            putFile(c, id, file.getKey(), file.getValue(), checked.get(file.getKey()));
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE materials SET source_sha256 = ? WHERE id = ?")) {
            s.setString(1, material.sourceSha256());
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** A stored file's bytes, one chunk at a time; empty when there is no such file. */
    public Optional<InputStream> open(long fileId) {
        return blobs.openIfPresent(fileId);
    }

    /** One download of a material's file, counted off the request's path. */
    public void countDownload(MaterialView material, Language language) {
        downloads.count(material.id(), language);
    }

    /** Downloads of the year by month, for the annual report. */
    public MaterialFigures figures(int year) {
        return MaterialFigures.of(year, downloads.byMonth(year));
    }

    /** Downloads written so far. */
    public DownloadCounter downloads() {
        return downloads;
    }

    private static MaterialDraft checked(MaterialDraft d) {
        String titleRo = strip(d.titleRo());
        String titleRu = strip(d.titleRu());
        String descriptionRo = strip(d.descriptionRo());
        String descriptionRu = strip(d.descriptionRu());
        if (titleRo.isEmpty() || titleRu.isEmpty() || Slugs.slugify(titleRo).isEmpty()) {
            throw new MaterialException(Reason.TITLE_MISSING);
        }
        if (titleRo.length() > MAX_TITLE || titleRu.length() > MAX_TITLE || descriptionRo.length() > MAX_DESCRIPTION
                || descriptionRu.length() > MAX_DESCRIPTION) {
            throw new MaterialException(Reason.TEXT_TOO_LONG);
        }
        if (d.audience() == null || d.topic() == null) {
            throw new MaterialException(Reason.UNKNOWN_TOPIC);
        }
        return new MaterialDraft(titleRo, titleRu, descriptionRo, descriptionRu, d.topic(), d.audience());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private void requireRole(Session session, SignedInUser actor, Set<Role> roles) {
        PortalUser user = actor == null ? null : session.find(PortalUser.class, actor.id());
        if (user == null || !user.isEnabled() || !roles.contains(user.getRole())) {
            throw new MaterialException(Reason.NOT_ALLOWED);
        }
    }

    private static void requireTopic(Connection c, String topic) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM categories WHERE category_key = ?")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new MaterialException(Reason.UNKNOWN_TOPIC);
                }
            }
        }
    }

    private static String uniqueKey(Connection c, String base) throws SQLException {
        String stem = base.length() > 100 ? base.substring(0, 100).replaceAll("-+$", "") : base;
        for (int n = 1; ; n++) {
            String key = n == 1 ? stem : stem + "-" + n;
            if (MaterialQueries.byKey(c, key).isEmpty()) {
                return key;
            }
        }
    }

    private long insert(Connection c, String key, MaterialDraft texts, String sourceSha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO materials (topic, audience, title_ro, title_ru,"
                + " description_ro, description_ru, material_key, source_sha256, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            setTexts(s, texts, 1);
            s.setString(7, key);
            s.setString(8, sourceSha256);
            Timestamp now = Timestamp.from(clock.instant());
            s.setTimestamp(9, now);
            s.setTimestamp(10, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void setTexts(PreparedStatement s, MaterialDraft texts, int first) throws SQLException {
        s.setString(first, texts.topic());
        s.setString(first + 1, texts.audience().name());
        s.setString(first + 2, texts.titleRo());
        s.setString(first + 3, texts.titleRu());
        s.setString(first + 4, texts.descriptionRo());
        s.setString(first + 5, texts.descriptionRu());
    }

    private static long idOf(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM materials WHERE material_key = ? FOR UPDATE")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new MaterialException(Reason.NOT_FOUND);
                }
                return rs.getLong(1);
            }
        }
    }

    /** Stores the file and its thumbnail, points the language at them and deletes what they replace. */
    private void putFile(Connection c, long id, Language language, byte[] bytes, MaterialFiles.Checked checked)
            throws SQLException {
        List<Long> replaced = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT file_id, thumbnail_id FROM material_files WHERE material_id = ? AND lang = ?")) {
            s.setLong(1, id);
            s.setString(2, language.code());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    replaced.add(rs.getLong(1));
                    replaced.add(rs.getLong(2));
                }
            }
        }
        StoredFile file;
        StoredFile thumbnail;
        try {
            file = blobs.store(c, new ByteArrayInputStream(bytes), checked.kind().mediaType(), MaterialFiles.MAX_BYTES);
            thumbnail = blobs.store(c, new ByteArrayInputStream(checked.thumbnail()), "image/jpeg", MaterialFiles.MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO material_files (material_id, lang, kind, file_id,"
                + " thumbnail_id) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE kind = VALUES(kind),"
                + " file_id = VALUES(file_id), thumbnail_id = VALUES(thumbnail_id)")) {
            s.setLong(1, id);
            s.setString(2, language.code());
            s.setString(3, checked.kind().name());
            s.setLong(4, file.id());
            s.setLong(5, thumbnail.id());
            s.executeUpdate();
        }
        for (long old : replaced) {
            blobs.delete(c, old);
        }
        update(c, "UPDATE materials SET updated_at = ? WHERE id = ?", id);
    }

    private void update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static String describe(Map<Language, MaterialFiles.Checked> files) {
        StringBuilder detail = new StringBuilder();
        files.forEach((language, checked) -> detail.append(detail.isEmpty() ? "" : ", ").append(language.code())
                .append(": ").append(checked.kind().name()));
        return detail.toString();
    }

    private <T> T read(Work<T> work) {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(work::run));
    }
}
