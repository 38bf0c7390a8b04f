package md.migratiesigura.portal.chat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.chat.ChatException.Reason;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;

/**
 * The canned answers in Romanian and Russian that administrators keep for the chat. Adding and deleting one is
 * audited with the language as the target, never the text.
 */
public final class CannedAnswers {

    private final ChatDb db;
    private final AuditService audit;

    public CannedAnswers(DataSource dataSource, AuditService audit) {
        this.db = new ChatDb(dataSource);
        this.audit = audit;
    }

    /** Every canned answer, Romanian first, in the order they were added. */
    public List<CannedAnswer> all() {
        return db.tx(ConsoleSnapshot::canned);
    }

    /**
     * Adds one.
     *
     * @throws ChatException {@link Reason#EMPTY} or {@link Reason#TOO_LONG}
     */
    public void add(SignedInUser user, Language language, String text) {
        String checked = ChatMessages.checked(text);
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_canned (lang, text) VALUES (?, ?)")) {
                s.setString(1, language.code());
                s.setString(2, checked);
                return s.executeUpdate();
            }
        });
        ChatAudit.record(audit, user, AuditAction.CANNED_ANSWER_SAVED, language.code());
    }

    /** Deletes one; one already gone is no change and is not audited. */
    public void delete(SignedInUser user, long id) {
        String language = db.tx(c -> {
            String lang;
            try (PreparedStatement s = c.prepareStatement("SELECT lang FROM chat_canned WHERE id = ? FOR UPDATE")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    lang = rs.getString(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM chat_canned WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            return lang;
        });
        if (language != null) {
            ChatAudit.record(audit, user, AuditAction.CANNED_ANSWER_DELETED, language);
        }
    }
}
