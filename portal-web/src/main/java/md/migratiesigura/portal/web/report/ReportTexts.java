package md.migratiesigura.portal.web.report;

import java.text.NumberFormat;
import java.util.Locale;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.Figure;
import org.apache.wicket.Application;
import org.apache.wicket.resource.loader.PackageStringResourceLoader;

/**
 * The report's words and numbers in one language, from the application's properties, for what is not a Wicket
 * component (the CSV files, the PDF): the same texts as the page.
 */
public final class ReportTexts {

    private final Language language;
    private final Locale locale;

    public ReportTexts(Language language) {
        this.language = language;
        this.locale = language.locale();
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        // Newer keys live in this package's own properties, which the localizer finds only for a component.
        String own = PACKAGE_TEXTS.loadStringResource(ReportTexts.class, key, locale, null, null);
        return own != null ? own
                : Application.get().getResourceSettings().getLocalizer().getString(key, null, null, locale, null, key);
    }

    private static final PackageStringResourceLoader PACKAGE_TEXTS = new PackageStringResourceLoader();

    /** A whole number as the language writes it: 123.768 in Romanian, 123 768 in Russian. */
    public String number(long value) {
        return number(value, locale);
    }

    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String month(int month) {
        return get("report.month." + month);
    }

    public String figure(Figure figure) {
        return get("report.figure." + figure.name());
    }

    public String section(Figure.Section section) {
        return get("report.section." + section.key());
    }

    public String eventType(String type) {
        return get("report.events.type." + type);
    }

    public String tier(String tier) {
        return get("report.riskChecks.tier." + tier);
    }

    public String title(AnnualReport report) {
        return get("report.title") + " " + report.year();
    }
}
