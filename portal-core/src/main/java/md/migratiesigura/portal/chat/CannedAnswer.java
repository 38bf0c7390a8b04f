package md.migratiesigura.portal.chat;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/** A ready answer counsellors paste into a chat, kept by administrators per language. */
public record CannedAnswer(long id, Language language, String text) implements Serializable {

    public static final int MAX_TEXT = ChatService.MAX_TEXT;
}
