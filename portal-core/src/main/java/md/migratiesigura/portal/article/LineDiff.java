package md.migratiesigura.portal.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.article.RevisionDiff.DiffLine;
import md.migratiesigura.portal.article.RevisionDiff.DiffLine.Kind;

/** A line-by-line diff (Myers, through java-diff-utils) shown with a little unchanged context around each change. */
final class LineDiff {

    static final int CONTEXT = 3;

    private LineDiff() {
    }

    static List<DiffLine> diff(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<DiffLine> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int sourceAt = delta.getSource().getPosition();
            while (i < sourceAt) {
                all.add(new DiffLine(Kind.SAME, i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String line : delta.getSource().getLines()) {
                all.add(new DiffLine(Kind.REMOVED, ++i, null, line));
            }
            for (String line : delta.getTarget().getLines()) {
                all.add(new DiffLine(Kind.ADDED, null, ++j, line));
            }
        }
        while (i < a.size()) {
            all.add(new DiffLine(Kind.SAME, i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return fold(all);
    }

    /** Keeps {@link #CONTEXT} unchanged lines on each side of a change; longer unchanged stretches become one line. */
    private static List<DiffLine> fold(List<DiffLine> lines) {
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).kind() != Kind.SAME) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        List<DiffLine> folded = new ArrayList<>();
        int run = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                if (run > 0) {
                    folded.add(new DiffLine(Kind.FOLDED, null, null, String.valueOf(run)));
                    run = 0;
                }
                folded.add(lines.get(k));
            } else {
                run++;
            }
        }
        if (run > 0) {
            folded.add(new DiffLine(Kind.FOLDED, null, null, String.valueOf(run)));
        }
        return folded;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }
}
