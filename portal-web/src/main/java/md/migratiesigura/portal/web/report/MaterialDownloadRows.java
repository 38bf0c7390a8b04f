package md.migratiesigura.portal.web.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.report.MaterialFigures;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.Application;

/**
 * The information materials downloaded from the portal in the year's figures, beside the materials handed out at
 * events: the API's {@code materials} block, the {@code materials.csv} table (by month) and the summary's row. Kept
 * apart from the report's other tables so that the year's page can be rearranged without touching it.
 */
final class MaterialDownloadRows {

    static final String TABLE = "materials";

    private MaterialDownloadRows() {
    }

    /** {@code {"downloaded": total, "byMonth": [12 counts, January first]}}. */
    static Map<String, Object> json(MaterialFigures figures) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("downloaded", figures.total());
        block.put("byMonth", figures.downloadsByMonth());
        return block;
    }

    /** The table by month, header first and the total last. */
    static List<List<String>> csv(MaterialFigures figures, ReportTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(texts.get("report.month"), texts.get("report.materials.downloaded")));
        for (int m = 1; m <= 12; m++) {
            rows.add(List.of(figures.year() + "-" + (m < 10 ? "0" : "") + m, String.valueOf(figures.month(m))));
        }
        rows.add(List.of(texts.get("report.total"), String.valueOf(figures.total())));
        return rows;
    }

    /**
     * The year's page and PDF row "materials downloaded", beside the materials handed out at events; empty outside a
     * running application (a renderer under test) or a build without materials.
     */
    static Optional<HotlineRows.Row> row(int year, ReportTexts texts) {
        if (!Application.exists() || !(Application.get() instanceof PortalApplication portal)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HotlineRows.Row(texts.get("report.materials.downloaded"),
                    portal.materials().figures(year).total(), ""));
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The summary table's row. */
    static List<String> summary(MaterialFigures figures, ReportTexts texts) {
        return List.of(texts.get("report.materials.downloaded"), String.valueOf(figures.total()));
    }
}
