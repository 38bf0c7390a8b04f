package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The information materials downloaded from the portal in a year, by month (January first): counted per month and
 * file, without anything about the reader. Shown beside the materials handed out at events ({@link EventFigures}).
 */
public record MaterialFigures(int year, List<Long> downloadsByMonth) implements Serializable {

    public MaterialFigures {
        if (downloadsByMonth.size() != 12) {
            throw new IllegalArgumentException("12 months, not " + downloadsByMonth.size());
        }
        downloadsByMonth = List.copyOf(downloadsByMonth);
    }

    public static MaterialFigures of(int year, long[] months) {
        return new MaterialFigures(year, Arrays.stream(months).boxed().toList());
    }

    public static MaterialFigures none(int year) {
        return of(year, new long[12]);
    }

    /** Downloads in a month, 1 to 12. */
    public long month(int month) {
        return downloadsByMonth.get(month - 1);
    }

    public long total() {
        return downloadsByMonth.stream().mapToLong(Long::longValue).sum();
    }
}
