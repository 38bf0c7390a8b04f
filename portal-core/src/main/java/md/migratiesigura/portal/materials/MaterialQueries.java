package md.migratiesigura.portal.materials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;

/** The materials read with their files' sizes and hashes, in one query: newest first. */
final class MaterialQueries {

    private static final String SELECT = "SELECT m.id, m.material_key, m.topic, m.audience, m.title_ro, m.title_ru,"
            + " m.description_ro, m.description_ru, m.retired, m.source_sha256, m.updated_at,"
            + " f.lang, f.kind, f.file_id, s.size_bytes, s.sha256, f.thumbnail_id, t.sha256"
            + " FROM materials m LEFT JOIN material_files f ON f.material_id = m.id"
            + " LEFT JOIN stored_files s ON s.id = f.file_id LEFT JOIN stored_files t ON t.id = f.thumbnail_id";

    private MaterialQueries() {
    }

    /** Materials that match; a null topic or audience matches any. */
    static List<MaterialView> list(Connection c, boolean withRetired, String topic, Audience audience) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (!withRetired) {
            sql.append(" AND m.retired = FALSE");
        }
        if (topic != null) {
            sql.append(" AND m.topic = ?");
            parameters.add(topic);
        }
        if (audience != null) {
            sql.append(" AND m.audience = ?");
            parameters.add(audience.name());
        }
        sql.append(" ORDER BY m.id DESC, f.lang");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            return read(s);
        }
    }

    static Optional<MaterialView> byKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE m.material_key = ? ORDER BY f.lang")) {
            s.setString(1, key);
            return read(s).stream().findFirst();
        }
    }

    private static List<MaterialView> read(PreparedStatement s) throws SQLException {
        Map<Long, MaterialView> views = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                MaterialView view = views.computeIfAbsent(id, k -> {
                    try {
                        return new MaterialView(id, rs.getString(2), new MaterialDraft(rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(3), Audience.valueOf(rs.getString(4))),
                                rs.getBoolean(9), rs.getString(10) != null, new ArrayList<>(),
                                rs.getTimestamp(11).toInstant());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                String lang = rs.getString(12);
                if (lang != null) {
                    view.files().add(new MaterialFile(Language.ofCode(lang).orElseThrow(), FileKind.valueOf(rs.getString(13)),
                            rs.getLong(14), rs.getLong(15), rs.getString(16), rs.getLong(17), rs.getString(18)));
                }
            }
        }
        return views.values().stream().map(v -> new MaterialView(v.id(), v.key(), v.texts(), v.retired(), v.bundled(),
                List.copyOf(v.files()), v.updated())).toList();
    }
}
