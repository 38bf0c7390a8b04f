package md.migratiesigura.portal.web.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.MaterialFigures;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.ContentDisposition;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.ResourceReference;

/**
 * The report's downloads below its page: {@code /ro/raport/2025/report.pdf} and one CSV per table
 * ({@code months.csv}, {@code summary.csv}, {@code events.csv}, {@code risk-checks.csv}, and {@code figures.csv} once
 * the year is published; {@code hotline.csv} when the year has a register or is published; {@code chat.csv} when
 * the live chat had readers that year). Anything else, or a year outside the reports, is a 404.
 * <p>
 * Each file is made once and served from {@link PortalApplication#reportFiles()} while it is valid: for the content
 * version it was made under, which {@code ReportService} moves when an administrator saves or publishes figures and
 * the editorial and event services move on every publication; and for {@link #KEPT} at most, like the report page in
 * the page cache, for what changes without moving it here: the visits, job-offer checks and consultations counted
 * all the time, and figures an administrator saved on another node, of any year.
 */
public class ReportDownloads extends AbstractResource {

    public static final String PDF = "report.pdf";
    static final List<String> TABLES = List.of("months", "summary", "events", "risk-checks", "figures", "hotline",
            "chat", MaterialDownloadRows.TABLE);
    /** Both languages' PDF and tables for the years readers open: about 20 KB a PDF, less a table. */
    public static final int FILES_KEPT = 48;
    static final Duration KEPT = Duration.ofSeconds(30);
    /** How many files were made rather than served as kept: the tests count with it. */
    static final AtomicInteger MADE = new AtomicInteger();

    private final Language language;

    public ReportDownloads(Language language) {
        this.language = language;
    }

    /** The files offered for a report, PDF first. */
    public static List<String> filesFor(AnnualReport report) {
        List<String> files = new ArrayList<>();
        files.add(PDF);
        for (String table : TABLES) {
            boolean hotline = report.hotline().fromRegister() || report.isPublished();
            boolean offered = switch (table) {
                case "hotline" -> hotline;
                case "figures" -> report.isPublished();
                case "chat" -> !report.chat().isEmpty();
                default -> true;
            };
            if (offered) {
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
        String type;
        String name = (language == Language.RO ? "raport-" : "otchet-") + year;
        if (file.equals(PDF)) {
            type = "application/pdf";
            name += ".pdf";
        } else if (file.endsWith(".csv") && TABLES.contains(file.substring(0, file.length() - 4))) {
            type = "text/csv; charset=UTF-8";
            name += "-" + file.substring(0, file.length() - 4) + ".csv";
        } else {
            return response.setError(404);
        }
        byte[] body = PortalApplication.get().reportFiles().get(language.code() + "/" + year + "/" + file, KEPT,
                () -> make(reports, year, file));
        if (body == null) {
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

    /** The file's bytes, or null when the year has no such table (its figures are not published). */
    private byte[] make(ReportService reports, int year, String file) {
        MADE.incrementAndGet();
        ReportTexts texts = new ReportTexts(language);
        if (file.equals(PDF)) {
            return ReportPdf.render(reports.report(year), texts);
        }
        String table = file.substring(0, file.length() - 4);
        MaterialFigures materials = PortalApplication.get().materials().figures(year);
        if (table.equals(MaterialDownloadRows.TABLE)) {
            return ReportCsv.bytes(MaterialDownloadRows.csv(materials, texts));
        }
        List<List<String>> rows = ReportCsv.rows(reports.report(year), table, texts);
        if (rows != null && table.equals("summary")) {
            rows.add(MaterialDownloadRows.summary(materials, texts));
        }
        return rows == null ? null : ReportCsv.bytes(rows);
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
