package md.migratiesigura.portal.web.materials;

import java.text.NumberFormat;
import java.util.Locale;

/** A file's size as readers on roaming data want to know it before downloading: "1,2 MB", "350 KB". */
final class FileSizes {

    private FileSizes() {
    }

    static String format(long bytes, Locale locale) {
        boolean russian = "ru".equals(locale.getLanguage());
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        if (bytes >= 1024 * 1024) {
            number.setMaximumFractionDigits(1);
            return number.format(bytes / (1024.0 * 1024.0)) + (russian ? " МБ" : " MB");
        }
        number.setMaximumFractionDigits(0);
        return number.format(Math.max(1, Math.round(bytes / 1024.0))) + (russian ? " КБ" : " KB");
    }
}
