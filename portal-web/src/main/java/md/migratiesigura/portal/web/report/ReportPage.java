package md.migratiesigura.portal.web.report;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.EventFigures;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.RiskCheckFigures;
import md.migratiesigura.portal.report.YearFigures;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.NotFoundPage;
import md.migratiesigura.portal.web.visits.VisitChartPanel;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The annual report of a year ({@code /ro/raport/2025}, {@code /ru/otchet/2025}): the platform's monthly visits as a
 * chart and a table, totals, articles, events, job-offer checks and consultations, the administrator's figures once
 * published, the counting method, and the downloads. Stateless, like every public page; prints cleanly.
 */
public class ReportPage extends BasePage {

    private final int year;
    private final IModel<AnnualReport> report;

    public ReportPage(PageParameters parameters) {
        super(parameters);
        this.year = parameters.get("year").toInt(-1);
        if (!PortalApplication.get().reports().isReportYear(year)
                || !parameters.get("year").toString("").matches("\\d{4}")) {
            throw NotFoundPage.renderInstead(language());
        }
        this.report = LoadableDetachableModel.of(() -> PortalApplication.get().reports().report(year));
        ReportTexts texts = new ReportTexts(language());
        AnnualReport r = report.getObject();

        add(new Label("heading", texts.title(r)));
        add(new Label("enteredNote", getString("report.enteredNote")).setVisible(r.hasEnteredMonths()));
        add(new VisitChartPanel("chart", report, texts));
        add(newMonthTable(r, texts));
        add(new Label("totalVisits", texts.number(r.totals().visits())));
        add(new Label("totalVisitors", texts.number(r.totals().uniqueVisitors())));
        // Years entered from a factsheet have no pageviews: a bare 0 would read as "nobody read anything".
        WebMarkupContainer pageviews = new WebMarkupContainer("pageviewsFigure");
        pageviews.setVisible(r.totals().pageviews() > 0 || !r.hasEnteredMonths());
        pageviews.add(new Label("totalPageviews", texts.number(r.totals().pageviews())));
        add(pageviews);
        add(new Label("articles", texts.number(r.articlesPublished())));
        add(new Label("consultations", texts.number(r.consultations().total())));
        add(new Label("consultationsSos", texts.number(r.consultations().sos())));
        add(newEvents(r.events(), texts));
        add(newRiskChecks(r.riskChecks(), texts));
        add(new HotlinePanel("hotline", r.hotline(), texts));
        add(newEntered(r, texts));
        add(new Label("unpublished", getString("report.unpublished")).setVisible(!r.isPublished()));
        add(newDownloads(r));
    }

    /** Parameters of the report of a year in a language. */
    public static PageParameters parameters(Language language, int year) {
        return parametersIn(language).set("year", year);
    }

    private WebMarkupContainer newMonthTable(AnnualReport r, ReportTexts texts) {
        WebMarkupContainer table = new WebMarkupContainer("months");
        table.add(new Label("caption", getString("report.table.caption") + " " + r.year()));
        table.add(new ListView<>("month", r.months()) {
            @Override
            protected void populateItem(ListItem<AnnualReport.MonthFigures> item) {
                AnnualReport.MonthFigures m = item.getModelObject();
                item.add(new Label("name", texts.month(m.month()) + (m.entered() ? " *" : "")));
                item.add(new Label("visits", texts.number(m.visits())));
                item.add(new Label("visitors", texts.number(m.uniqueVisitors())));
                item.add(new Label("pageviews", texts.number(m.pageviews())));
            }
        });
        table.add(new Label("visits", texts.number(r.totals().visits())));
        table.add(new Label("visitors", texts.number(r.totals().uniqueVisitors())));
        table.add(new Label("pageviews", texts.number(r.totals().pageviews())));
        return table;
    }

    private WebMarkupContainer newEvents(EventFigures events, ReportTexts texts) {
        WebMarkupContainer section = new WebMarkupContainer("events");
        section.add(new ListView<>("type", EventFigures.TYPES) {
            @Override
            protected void populateItem(ListItem<String> item) {
                item.add(new Label("name", texts.eventType(item.getModelObject())));
                item.add(new Label("count", texts.number(events.count(item.getModelObject()))));
            }
        });
        section.add(new Label("participants", texts.number(events.participants())));
        section.add(new Label("materials", texts.number(events.materials())));
        section.add(new Label("materialsDownloaded", texts.number(PortalApplication.get().materials().figures(year).total())));
        return section;
    }

    private WebMarkupContainer newRiskChecks(RiskCheckFigures checks, ReportTexts texts) {
        WebMarkupContainer section = new WebMarkupContainer("riskChecks");
        section.add(new Label("total", texts.number(checks.total())));
        section.add(new ListView<>("tier", RiskCheckFigures.TIERS) {
            @Override
            protected void populateItem(ListItem<String> item) {
                item.add(new Label("name", texts.tier(item.getModelObject())));
                item.add(new Label("count", texts.number(checks.count(item.getModelObject()))));
            }
        });
        WebMarkupContainer flags = new WebMarkupContainer("flags");
        flags.setVisible(!checks.topFlags().isEmpty());
        flags.add(new ListView<>("flag", checks.topFlags()) {
            @Override
            protected void populateItem(ListItem<RiskCheckFigures.FlagCount> item) {
                item.add(new Label("rule", item.getModelObject().rule()));
                item.add(new Label("count", texts.number(item.getModelObject().count())));
            }
        });
        section.add(flags);
        return section;
    }

    /** The administrator's figures and summaries, section by section, once the year is published. */
    private WebMarkupContainer newEntered(AnnualReport r, ReportTexts texts) {
        WebMarkupContainer entered = new WebMarkupContainer("entered");
        entered.setVisible(r.isPublished());
        YearFigures figures = r.isPublished() ? r.entered() : YearFigures.empty(r.year());
        List<Figure.Section> sections = List.of(Figure.Section.PLATFORM, Figure.Section.HOTLINE, Figure.Section.CASES,
                Figure.Section.PREVENTION);
        entered.add(new ListView<>("section", sections) {
            @Override
            protected void populateItem(ListItem<Figure.Section> item) {
                Figure.Section section = item.getModelObject();
                // A year with a register shows the hotline's figures computed above, not the entered ones.
                List<Figure> known = Figure.of(section).stream().filter(f -> figures.value(f) != null)
                        .filter(f -> !r.hotline().fromRegister() || section == Figure.Section.PREVENTION
                                || section == Figure.Section.PLATFORM).toList();
                String summary = figures.text(section, language());
                item.setVisible(!known.isEmpty() || summary != null);
                item.add(new Label("title", texts.section(section)));
                item.add(new ListView<>("figure", known) {
                    @Override
                    protected void populateItem(ListItem<Figure> row) {
                        row.add(new Label("name", texts.figure(row.getModelObject())));
                        row.add(new Label("value", texts.number(figures.value(row.getModelObject()))));
                    }
                }.setVisible(!known.isEmpty()));
                item.add(new Label("summary", summary == null ? "" : summary).setVisible(summary != null));
            }
        });
        return entered;
    }

    private WebMarkupContainer newDownloads(AnnualReport r) {
        WebMarkupContainer downloads = new WebMarkupContainer("downloads");
        String base = ReportRoutes.report(language(), r.year()) + "/";
        downloads.add(new ListView<>("file", ReportDownloads.filesFor(r)) {
            @Override
            protected void populateItem(ListItem<String> item) {
                WebMarkupContainer link = new WebMarkupContainer("link");
                link.add(AttributeModifier.replace("href", base + item.getModelObject()));
                link.add(new Label("name", getString("report.download." + item.getModelObject())));
                item.add(link);
            }
        });
        return downloads;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("report.title") + " " + year;
    }

    @Override
    protected IModel<String> description() {
        return () -> getString("report.lead");
    }

    @Override
    protected void onDetach() {
        report.detach();
        super.onDetach();
    }

    /** The figures move with every pageview, but a half-minute-old count is as true for a reader; edits move it at once. */
    @Override
    protected boolean isCacheable() {
        return true;
    }
}
