package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import md.migratiesigura.portal.chat.ChatCounts;

/**
 * The live chat's figures of a year, month by month, from the counts the chat keeps ({@link ChatCounts}): chats
 * offered to counsellors, answered, abandoned by the reader while waiting, readers turned away (outside the hours, no
 * counsellor, all busy), SOS chats, how long answered readers waited (median and 90th percentile, minutes; a
 * month's, since waits are kept per month) and how long answered chats lasted (on average); and the year's totals per
 * language.
 */
public record ChatFigures(List<Month> months, Counts total, Map<String, Counts> byLanguage) implements Serializable {

    public ChatFigures {
        months = List.copyOf(months);
        byLanguage = new TreeMap<>(byLanguage);
    }

    /**
     * What happened to the chats of a month, a language or the year.
     *
     * @param minutes the minutes answered chats lasted, added up (a chat's minutes count in the month it ended)
     */
    public record Counts(long offered, long answered, long abandoned, long turnedAway, long sos, long minutes)
            implements Serializable {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        static Counts of(Map<String, Integer> n) {
            return new Counts(get(n, ChatCounts.OFFERED), get(n, ChatCounts.ANSWERED), get(n, ChatCounts.ABANDONED),
                    get(n, ChatCounts.TURNED_AWAY_HOURS) + get(n, ChatCounts.TURNED_AWAY_NO_COUNSELLOR)
                            + get(n, ChatCounts.TURNED_AWAY_FULL), get(n, ChatCounts.SOS), get(n, ChatCounts.MINUTES));
        }

        Counts plus(Counts o) {
            return new Counts(offered + o.offered, answered + o.answered, abandoned + o.abandoned,
                    turnedAway + o.turnedAway, sos + o.sos, minutes + o.minutes);
        }

        /** How long an answered chat lasted on average, in whole minutes; null without answered chats. */
        public Integer averageMinutes() {
            return answered == 0 ? null : (int) Math.round((double) minutes / answered);
        }

        private static long get(Map<String, Integer> n, String metric) {
            return n.getOrDefault(metric, 0);
        }
    }

    /**
     * One month.
     *
     * @param medianWait minutes an answered reader waited, median; null without answered chats
     * @param p90Wait    the 90th percentile; null without answered chats
     */
    public record Month(int month, Counts counts, Integer medianWait, Integer p90Wait) implements Serializable {
    }

    /** No chat figures: twelve empty months. */
    public static ChatFigures none() {
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new Month(m, Counts.ZERO, null, null));
        }
        return new ChatFigures(months, Counts.ZERO, Map.of());
    }

    /** The year's figures from the chat's monthly counts, read month by month. */
    public static ChatFigures of(int year, Function<YearMonth, ChatCounts.Month> counts) {
        List<Month> months = new ArrayList<>();
        Counts total = Counts.ZERO;
        Map<String, Counts> byLanguage = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            ChatCounts.Month month = counts.apply(YearMonth.of(year, m));
            Counts sum = Counts.ZERO;
            for (Map.Entry<String, Map<String, Integer>> language : month.counts().entrySet()) {
                Counts c = Counts.of(language.getValue());
                sum = sum.plus(c);
                byLanguage.merge(language.getKey(), c, Counts::plus);
            }
            total = total.plus(sum);
            months.add(new Month(m, sum, month.medianWait(), month.p90Wait()));
        }
        return new ChatFigures(months, total, byLanguage);
    }

    /** True when the chat saw no reader in the year (the page then says so in one line). */
    public boolean isEmpty() {
        return total.offered() == 0 && total.turnedAway() == 0;
    }
}
