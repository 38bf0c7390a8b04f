package md.migratiesigura.portal.chat;

/** The answer to a reader who asks to chat: a place in the queue, or closed with the reason. */
public sealed interface Opening {

    /** Queued: the token (shown once, only its hash is kept), the place and the wait band. */
    record Started(String token, long chatId, int position, int[] waitMinutes) implements Opening {
        @Override
        public String toString() {
            return "Started[" + chatId + ", " + position + "]";
        }
    }

    /**
     * Not taking readers now.
     *
     * @param reason {@code hours}, {@code no-counsellor} or {@code full}
     * @param opens  when the chat opens, {@code HH:mm} Chisinau time
     */
    record Closed(String reason, String opens) implements Opening {
    }
}
