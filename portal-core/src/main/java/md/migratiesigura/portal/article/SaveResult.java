package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.util.List;

/** What became of a save or workflow step: saved, refused with reasons, or in conflict with someone else's save. */
public sealed interface SaveResult extends Serializable {

    /** Saved in one transaction with its revision, audit entry and search update. */
    record Saved(EditableTranslation translation) implements SaveResult {
    }

    /** Nothing was written; each problem names a field and a reason. */
    record Rejected(List<EditorialProblem> problems) implements SaveResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Someone saved this language version after the editor loaded it; nothing was written. {@code yours} is the
     * editor's unsaved text, {@code theirs} the version now saved (null if the article is gone). Saving again
     * with {@code theirs.version()} replaces it knowingly.
     */
    record Conflict(ArticleDraft yours, EditableTranslation theirs) implements SaveResult {
    }
}
