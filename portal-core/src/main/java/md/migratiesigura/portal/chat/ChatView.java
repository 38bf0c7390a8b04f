package md.migratiesigura.portal.chat;

import java.util.List;

/**
 * What one side sees of a chat after a given sequence number.
 *
 * @param position    the place in the queue (1 = next), 0 when not queued
 * @param waitMinutes the honest wait band [lo, hi] while queued, null otherwise
 * @param typing      whether the other side is typing now (yes or no, never what)
 * @param fingerprint what a reader's long-poll compares with later states, read with the rest (the form of
 *                    {@link ChatService#fingerprints})
 */
public record ChatView(long id, ChatState state, int position, int[] waitMinutes, boolean typing,
                       List<ChatEvent> events, String fingerprint) {
}
