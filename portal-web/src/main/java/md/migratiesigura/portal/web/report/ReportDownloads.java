package md.migratiesigura.portal.web.report;

import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.ContentDisposition;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.ResourceReference;

/**
 * The report's downloads below its page: {@code /ro/raport/2025/report.pdf} and one CSV per table
 * ({@code months.csv}, {@code summary.csv}, {@code events.csv}, {@code risk-checks.csv}, and {@code figures.csv} once
 * the year is published). Anything else, or a year outside the reports, is a 404.
 */
public class ReportDownloads extends AbstractResource {

    public static final String PDF = "report.pdf";
    static final List<String> TABLES = List.of("months", "summary", "events", "risk-checks", "figures");

    private final Language language;

    public ReportDownloads(Language language) {
        this.language = language;
    }

    /** The files offered for a report, PDF first. */
    public static List<String> filesFor(AnnualReport report) {
        List<String> files = new ArrayList<>();
        files.add(PDF);
        for (String table : TABLES) {
            if (!table.equals("figures") || report.isPublished()) {
                files.add(table + ".csv");
            }
        }
        return files;
    }

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        ResourceResponse response = new ResourceResponse();
        String yearText = attributes.getParameters().get("year").toString("");
        String file = attributes.getParameters().get("file").toString("");
        ReportService reports = PortalApplication.get().reports();
        if (!yearText.matches("\\d{4}") || !reports.isReportYear(Integer.parseInt(yearText))) {
            return response.setError(404);
        }
        int year = Integer.parseInt(yearText);
        ReportTexts texts = new ReportTexts(language);
        byte[] body;
        String type;
        String name = (language == Language.RO ? "raport-" : "otchet-") + year;
        if (file.equals(PDF)) {
            body = ReportPdf.render(reports.report(year), texts);
            type = "application/pdf";
            name += ".pdf";
        } else if (file.endsWith(".csv") && TABLES.contains(file.substring(0, file.length() - 4))) {
            String table = file.substring(0, file.length() - 4);
            List<List<String>> rows = ReportCsv.rows(reports.report(year), table, texts);
            if (rows == null) {
                return response.setError(404);
            }
            body = ReportCsv.bytes(rows);
            type = "text/csv; charset=UTF-8";
            name += "-" + table + ".csv";
        } else {
            return response.setError(404);
        }
        response.setContentType(type);
        response.setContentLength(body.length);
        response.setContentDisposition(ContentDisposition.ATTACHMENT);
        response.setFileName(name);
        response.disableCaching();
        response.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes a) {
                a.getResponse().write(body);
            }
        });
        return response;
    }

    /** The reference {@link ReportRoutes} mounts once per language. */
    static ResourceReference reference(Language language) {
        return new ResourceReference(ReportDownloads.class, "report-" + language.code()) {
            @Override
            public IResource getResource() {
                return new ReportDownloads(language);
            }
        };
    }
}
