package md.migratiesigura.portal.chat;

import java.util.List;
import md.migratiesigura.portal.common.Language;

/** A chat a counsellor holds, with its messages after a given sequence number and whether the reader is typing. */
public record CounsellorChat(long id, Language language, boolean sos, ChatState state, boolean readerTyping,
                             String transferNote, List<ChatEvent> events) {
}
