package md.migratiesigura.portal.consultation;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What reading the answer with a ticket and phrase gives: the consultation, nothing, or "wait". */
public sealed interface AnswerLookup extends Serializable {

    /** The ticket and phrase match: the question and the replies, oldest first. */
    record Found(String ticket, Topic topic, Instant askedAt, String question, boolean closed,
                 List<Reply> replies) implements AnswerLookup {
    }

    /** Unknown ticket, wrong phrase or deleted consultation alike: nothing is revealed. */
    record NotFound() implements AnswerLookup {
    }

    /** Too many wrong tries for this ticket or from this address. */
    record Throttled(Duration retryAfter) implements AnswerLookup {
    }

    /** One reply as the person reads it. */
    record Reply(Instant at, String text) implements Serializable {
    }
}
