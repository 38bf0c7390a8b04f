package md.migratiesigura.portal.event;

import java.io.Serializable;
import java.util.List;

/** What became of a save: saved, refused with reasons, or in conflict with another trainer's save. */
public sealed interface EventSaveResult extends Serializable {

    /** Saved in one transaction with its audit entry and search update. */
    record Saved(EventView event) implements EventSaveResult {
    }

    /** Nothing was written; each problem names a field and a reason. */
    record Rejected(List<EventProblem> problems) implements EventSaveResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Someone saved the event after the trainer loaded it; nothing was written. {@code theirs} is what is saved now;
     * saving again with its version replaces it knowingly.
     */
    record Conflict(EventView theirs) implements EventSaveResult {
    }
}
