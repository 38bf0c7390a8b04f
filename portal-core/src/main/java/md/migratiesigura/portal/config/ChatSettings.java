package md.migratiesigura.portal.config;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live chat's settings.
 *
 * @param opens    when the chat starts taking readers, Chisinau time, every day
 * @param closes   when it stops taking readers; {@code null} means midnight at the end of the day ({@code 24:00})
 * @param capacity how many chats one counsellor holds at once (1-5)
 */
public record ChatSettings(LocalTime opens, LocalTime closes, int capacity) {

    public static final int DEFAULT_CAPACITY = 2;
    public static final String DEFAULT_HOURS = "08:00-20:00";
    private static final Pattern HOURS =
            Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-(([01]\\d|2[0-3]):([0-5]\\d)|24:00)");

    /** Whether the chat takes readers at this time of day. */
    public boolean isOpenAt(LocalTime time) {
        return !time.isBefore(opens) && (closes == null || time.isBefore(closes));
    }

    /** {@code HH:mm-HH:mm} with {@code 24:00} allowed as the end; null when the value is not of that form. */
    static ChatSettings parse(String hours, int capacity) {
        Matcher m = HOURS.matcher(hours.strip());
        if (!m.matches()) {
            return null;
        }
        LocalTime opens = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        LocalTime closes = "24:00".equals(m.group(3)) ? null
                : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        if (closes != null && !closes.isAfter(opens)) {
            return null;
        }
        return new ChatSettings(opens, closes, capacity);
    }
}
