package md.migratiesigura.portal.web.common;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import md.migratiesigura.portal.common.PortalTime;

/** Numbers, plurals and dates by each language's rules (CLDR): 1 статья, 2 статьи, 5 статей; 20 de articole. */
public final class Texts {

    private static final ZoneId ZONE = PortalTime.ZONE;

    private Texts() {
    }

    /** Formats an ICU pattern such as {@code {0, plural, one{# articol} few{# articole} other{# de articole}}}. */
    public static String plural(String pattern, Locale locale, long count) {
        return format(pattern, locale, count);
    }

    /** Formats an ICU pattern with arguments: {@code "Pasul {0} din {1}"}. */
    public static String format(String pattern, Locale locale, Object... arguments) {
        return new MessageFormat(pattern, ULocale.forLocale(locale)).format(arguments);
    }

    /** A date in the language's long form, in Chisinau time: "3 februarie 2025", "3 февраля 2025 г.". */
    public static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE).format(instant);
    }

    /** A date and time to the second, in the language's medium form and Chisinau time: "3 feb. 2025, 14:05:09". */
    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE).format(instant);
    }

    /** A calendar date in the language's long form: "31 decembrie 2026", "31 декабря 2026 г.". */
    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /** An ISO date for {@code <time datetime>}. */
    public static String isoDate(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZONE).format(instant);
    }

    /** A month and year as a heading or a choice: "martie 2025", "март 2025". */
    public static String monthName(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern("LLLL uuuu", locale).format(month);
    }
}
