package md.migratiesigura.portal.web.report;

import java.util.List;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The retrospective ({@code /ro/raport}, {@code /ru/otchet}): every year with a report, newest first, its headline
 * figures side by side, and links to the year's page, table and PDF. A figure only an administrator knows (calls,
 * materials handed out) shows once the year is published; until then a dash. Above the table, two small charts of
 * the years (visits, calls) drawn from the same reports; a year without the figure has no bar.
 */
public class RetrospectivePage extends BasePage {

    private final IModel<List<AnnualReport>> reports;

    public RetrospectivePage(PageParameters parameters) {
        super(parameters);
        reports = LoadableDetachableModel.of(() -> PortalApplication.get().reports().retrospective());
        ReportTexts texts = new ReportTexts(language());
        add(new ListView<>("years", reports) {
            @Override
            protected void populateItem(ListItem<AnnualReport> item) {
                AnnualReport r = item.getModelObject();
                String page = ReportRoutes.report(language(), r.year());
                item.add(new ExternalLink("year", page, String.valueOf(r.year())));
                item.add(new Label("visits", texts.number(r.totals().visits())));
                item.add(new Label("visitors", texts.number(r.totals().uniqueVisitors())));
                item.add(new Label("calls", entered(r, Figure.HOTLINE_CALLS, texts)));
                item.add(new Label("consultations", r.isPublished() && r.entered().value(Figure.CONSULTATIONS_ONLINE) != null
                        ? texts.number(r.entered().value(Figure.CONSULTATIONS_ONLINE))
                        : texts.number(r.consultations().total())));
                item.add(new Label("events", texts.number(r.events().byType().values().stream()
                        .mapToLong(Long::longValue).sum())));
                item.add(new Label("materials", r.isPublished() && r.entered().value(Figure.MATERIALS_HANDED_OUT) != null
                        ? texts.number(r.entered().value(Figure.MATERIALS_HANDED_OUT))
                        : texts.number(r.events().materials())));
                item.add(new ExternalLink("csv", page + "/months.csv"));
                item.add(new ExternalLink("pdf", page + "/" + ReportDownloads.PDF));
            }
        });
        List<AnnualReport> years = reports.getObject();
        add(new YearChartPanel("visitsChart", "visits", years.stream()
                .map(r -> new YearChartPanel.YearFigure(r.year(), r.totals().visits() > 0 ? r.totals().visits() : null))
                .toList(), texts).setVisible(!years.isEmpty()));
        add(new YearChartPanel("callsChart", "calls", years.stream()
                .map(r -> new YearChartPanel.YearFigure(r.year(), enteredValue(r, Figure.HOTLINE_CALLS)))
                .toList(), texts).setVisible(!years.isEmpty()));
        add(new Label("none", () -> getString("retrospective.none")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(reports.getObject().isEmpty());
            }
        });
    }

    private static String entered(AnnualReport r, Figure figure, ReportTexts texts) {
        Long value = enteredValue(r, figure);
        return value == null ? "—" : texts.number(value);
    }

    /** An administrator's figure of a published year; null while unknown. */
    private static Long enteredValue(AnnualReport r, Figure figure) {
        return r.isPublished() ? r.entered().value(figure) : null;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("retrospective.title");
    }

    @Override
    protected void onDetach() {
        reports.detach();
        super.onDetach();
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
