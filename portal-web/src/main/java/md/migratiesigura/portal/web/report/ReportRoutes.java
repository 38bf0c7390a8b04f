package md.migratiesigura.portal.web.report;

import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/** The annual report: its public page with the downloads below it, the administrators' page, the API resource. */
public final class ReportRoutes {

    private static final LocalizedPath REPORT = new LocalizedPath("/ro/raport", "/ru/otchet");
    /** {@link ReportEndpoint}, below the API's path; the year follows the slash. */
    public static final String API = "v1/report/";

    private ReportRoutes() {
    }

    public static void mount(WebApplication application) {
        REPORT.mount(application, "/${year}", ReportPage.class);
        REPORT.mount(application, "", RetrospectivePage.class);
        for (Language language : Language.values()) {
            application.mountResource(REPORT.in(language) + "/${year}/${file}", ReportDownloads.reference(language));
        }
        application.mount(new ExactMountedMapper("/admin/report/#{year}", ReportFiguresPage.class));
        application.mount(new ExactMountedMapper("/admin/earlier-years", EarlierYearsPage.class));
    }

    /** Every year's report side by side: {@code /ro/raport}, {@code /ru/otchet}. */
    public static String retrospective(Language language) {
        return REPORT.in(language);
    }

    /** The report page of a year: {@code /ro/raport/2025}, {@code /ru/otchet/2025}; its downloads live below it. */
    public static String report(Language language, int year) {
        return REPORT.in(language) + "/" + year;
    }
}
