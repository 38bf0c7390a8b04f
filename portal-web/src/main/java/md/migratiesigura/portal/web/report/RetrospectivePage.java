package md.migratiesigura.portal.web.report;

import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.EarlierYear;
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
 * the years (visits, calls) drawn from the same reports; a year without the figure has no bar. Below the portal's
 * years, those before it (2001-2014) that an administrator entered from the hotline's published factsheets, marked
 * so with their source ({@link EarlierYearsPage}); they have no page of their own.
 */
public class RetrospectivePage extends BasePage {

    private final IModel<List<AnnualReport>> reports;
    private final IModel<List<EarlierYear>> earlier;

    public RetrospectivePage(PageParameters parameters) {
        super(parameters);
        reports = LoadableDetachableModel.of(() -> PortalApplication.get().reports().retrospective());
        earlier = LoadableDetachableModel.of(() -> PortalApplication.get().earlierYears().list());
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
        // Years before the portal, below the portal's: entered from the hotline's published factsheets.
        add(new ListView<>("earlier", earlier) {
            @Override
            protected void populateItem(ListItem<EarlierYear> item) {
                EarlierYear y = item.getModelObject();
                item.add(new Label("year", String.valueOf(y.year())));
                item.add(new Label("calls", known(y.value(Figure.HOTLINE_CALLS), texts)));
                item.add(new Label("consultations", known(y.value(Figure.CONSULTATIONS_ONLINE), texts)));
                item.add(new Label("materials", known(y.value(Figure.MATERIALS_HANDED_OUT), texts)));
                item.add(new Label("source", y.source()));
            }
        });
        List<AnnualReport> years = reports.getObject();
        List<EarlierYear> before = earlier.getObject();
        add(new YearChartPanel("visitsChart", "visits", years.stream()
                .map(r -> new YearChartPanel.YearFigure(r.year(), r.totals().visits() > 0 ? r.totals().visits() : null))
                .toList(), texts).setVisible(!years.isEmpty()));
        List<YearChartPanel.YearFigure> calls = new ArrayList<>();
        years.forEach(r -> calls.add(new YearChartPanel.YearFigure(r.year(), enteredValue(r, Figure.HOTLINE_CALLS))));
        before.forEach(y -> calls.add(new YearChartPanel.YearFigure(y.year(), y.value(Figure.HOTLINE_CALLS))));
        add(new YearChartPanel("callsChart", "calls", calls, texts).setVisible(!calls.isEmpty()));
        add(new Label("none", () -> getString("retrospective.none")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(reports.getObject().isEmpty() && earlier.getObject().isEmpty());
            }
        });
    }

    private static String entered(AnnualReport r, Figure figure, ReportTexts texts) {
        return known(enteredValue(r, figure), texts);
    }

    private static String known(Long value, ReportTexts texts) {
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
        earlier.detach();
        super.onDetach();
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
