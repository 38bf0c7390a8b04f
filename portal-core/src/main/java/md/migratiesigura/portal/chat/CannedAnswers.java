package md.migratiesigura.portal.chat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import md.migratiesigura.portal.chat.ChatException.Reason;
import md.migratiesigura.portal.common.Language;

/** The canned answers in Romanian and Russian that administrators keep for the chat. */
public final class CannedAnswers {

    private final ChatDb db;

    public CannedAnswers(DataSource dataSource) {
        this.db = new ChatDb(dataSource);
    }

    /** Every canned answer, Romanian first, in the order they were added. */
    public List<CannedAnswer> all() {
        return db.tx(c -> {
            List<CannedAnswer> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, lang, text FROM chat_canned ORDER BY lang, id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new CannedAnswer(rs.getLong(1), Language.ofCode(rs.getString(2)).orElse(Language.RO),
                            rs.getString(3)));
                }
            }
            return list;
        });
    }

    /**
     * Adds one.
     *
     * @throws ChatException {@link Reason#EMPTY} or {@link Reason#TOO_LONG}
     */
    public void add(Language language, String text) {
        String checked = ChatService.checkText(text);
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_canned (lang, text) VALUES (?, ?)")) {
                s.setString(1, language.code());
                s.setString(2, checked);
                return s.executeUpdate();
            }
        });
    }

    public void delete(long id) {
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM chat_canned WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate();
            }
        });
    }
}
