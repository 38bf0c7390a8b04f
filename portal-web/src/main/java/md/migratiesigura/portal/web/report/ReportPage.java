package md.migratiesigura.portal.web.report;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.FactsheetSection;
import md.migratiesigura.portal.report.RiskCheckFigures;
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
 * The annual report of a year ({@code /ro/raport/2025}, {@code /ru/otchet/2025}), laid out like the hotline's
 * factsheet so that it can be published as the year's factsheet: the service, the platform's visits by month (chart
 * and table), the calls by kind, the SOS cases, the online consultations, the live chat, prevention and training,
 * the partners ({@link FactsheetSection}); then the counting method and the downloads. The administrator's figures
 * show once the year is published. Stateless, like every public page; prints cleanly.
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
        // The sections in the order of the hotline's factsheet (FactsheetSection), so that the page reads like it.
        add(pageLink("aboutLink", "despre"));
        add(new Label("totalVisits", texts.number(r.totals().visits())));
        add(new Label("totalVisitors", texts.number(r.totals().uniqueVisitors())));
        // Years entered from a factsheet have no pageviews: a bare 0 would read as "nobody read anything".
        WebMarkupContainer pageviews = new WebMarkupContainer("pageviewsFigure");
        pageviews.setVisible(r.totals().pageviews() > 0 || !r.hasEnteredMonths());
        pageviews.add(new Label("totalPageviews", texts.number(r.totals().pageviews())));
        add(pageviews);
        add(new VisitChartPanel("chart", report, texts));
        add(newMonthTable(r, texts));
        add(new Label("enteredNote", getString("report.enteredNote")).setVisible(r.hasEnteredMonths()));
        add(summary("visitsSummary", FactsheetSection.VISITS, r, texts));
        add(newRiskChecks(r.riskChecks(), texts));

        add(new Label("hotlineSource", HotlineRows.source(r.hotline(), texts)).setVisible(r.hotline().fromRegister()));
        add(new Label("enteredSource", getString("report.hotline.source.entered"))
                .setVisible(!r.hotline().fromRegister() && r.isPublished()));
        add(rows("calls", FactsheetRows.of(FactsheetSection.CALLS, r, texts), texts));
        add(new HotlinePanel("hotlineMonths", r.hotline(), texts));
        add(summary("callsSummary", FactsheetSection.CALLS, r, texts));
        add(rows("sos", FactsheetRows.of(FactsheetSection.SOS, r, texts), texts));
        add(summary("sosSummary", FactsheetSection.SOS, r, texts));
        add(rows("consultations", FactsheetRows.of(FactsheetSection.CONSULTATIONS, r, texts), texts));
        add(new ChatPanel("chat", r.chat(), texts));
        add(rows("prevention", FactsheetRows.of(FactsheetSection.PREVENTION, r, texts), texts));
        List<HotlineRows.Row> preventionEntered = FactsheetRows.preventionEntered(r, texts);
        WebMarkupContainer entered = new WebMarkupContainer("preventionEntered");
        entered.setVisible(!preventionEntered.isEmpty());
        entered.add(rows("figures", preventionEntered, texts));
        add(entered);
        add(summary("preventionSummary", FactsheetSection.PREVENTION, r, texts));
        add(pageLink("partnersLink", "parteneri"));

        add(new Label("unpublished", getString("report.unpublished")).setVisible(!r.isPublished()));
        add(newDownloads(r));
    }

    /** A figure list: name, value and detail per line; hidden when empty. */
    private static ListView<HotlineRows.Row> rows(String id, List<HotlineRows.Row> rows, ReportTexts texts) {
        ListView<HotlineRows.Row> list = new ListView<>(id, rows) {
            @Override
            protected void populateItem(ListItem<HotlineRows.Row> item) {
                HotlineRows.Row row = item.getModelObject();
                item.add(new Label("name", row.name()));
                item.add(new Label("value", texts.number(row.value())));
                item.add(new Label("detail", row.detail()).setVisible(!row.detail().isEmpty()));
            }
        };
        list.setVisible(!rows.isEmpty());
        return list;
    }

    private static Label summary(String id, FactsheetSection section, AnnualReport r, ReportTexts texts) {
        String text = FactsheetRows.summary(section, r, texts);
        Label label = new Label(id, text == null ? "" : text);
        label.setVisible(text != null);
        return label;
    }

    /** A link to a bundled page (about, partners) in the page's language; hidden when editors took it down. */
    private WebMarkupContainer pageLink(String id, String key) {
        WebMarkupContainer link = new WebMarkupContainer(id);
        PortalApplication.get().pages().published(language()).stream().filter(p -> p.key().equals(key)).findFirst()
                .ifPresentOrElse(p -> {
                    link.add(AttributeModifier.replace("href", "/" + language().code() + "/" + p.slug()));
                    link.add(new Label("title", p.title()));
                }, () -> link.add(new Label("title", "")).setVisible(false));
        return link;
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
