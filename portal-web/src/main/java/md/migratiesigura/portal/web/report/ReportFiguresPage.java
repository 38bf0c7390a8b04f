package md.migratiesigura.portal.web.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.EnteredMonth;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.report.YearFigures;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.danekja.java.util.function.serializable.SerializableBiConsumer;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * Administrators only ({@code /admin/report/2025}): the figures the portal cannot see and a summary per section in
 * both languages, the monthly figures of years counted elsewhere (which replace counted months), and publishing.
 * Nothing entered here is public until the year is published.
 */
@AuthorizeInstantiation(StaffRoles.ADMINISTRATOR)
public class ReportFiguresPage extends AdminBasePage {

    private final int year;
    private final Map<Figure, IModel<Long>> values = new EnumMap<>(Figure.class);
    private final Map<Figure.Section, Map<Language, IModel<String>>> texts = new EnumMap<>(Figure.Section.class);
    private final List<MonthRow> months = new ArrayList<>();

    public ReportFiguresPage(PageParameters parameters) {
        super(parameters);
        ReportService reports = PortalApplication.get().reports();
        String requested = parameters.get("year").toString("");
        this.year = requested.isEmpty() ? reports.currentYear() - 1 : requested.matches("\\d{4}") ? Integer.parseInt(requested) : -1;
        if (!reports.isReportYear(year)) {
            throw new RestartResponseException(ReportFiguresPage.class, new PageParameters().set("year", reports.currentYear() - 1));
        }
        YearFigures figures = reports.figures(year);
        for (Figure f : Figure.values()) {
            values.put(f, Model.of(figures.value(f)));
        }
        for (Figure.Section section : Figure.Section.values()) {
            Map<Language, IModel<String>> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                byLanguage.put(language, Model.of(figures.text(section, language)));
            }
            texts.put(section, byLanguage);
        }
        Map<Integer, EnteredMonth> entered = new HashMap<>();
        reports.enteredMonths(year).forEach(m -> entered.put(m.month(), m));
        for (int m = 1; m <= 12; m++) {
            EnteredMonth e = entered.get(m);
            months.add(new MonthRow(m, e == null ? null : e.visits(), e == null ? null : e.uniqueVisitors(),
                    e == null ? null : e.pageviews()));
        }

        add(new Label("heading", getString("admin.report.heading") + " " + year));
        add(yearLink("previous", year - 1));
        add(yearLink("next", year + 1));
        WebMarkupContainer publicLink = new WebMarkupContainer("publicReport");
        publicLink.add(AttributeModifier.replace("href", ReportRoutes.report(Language.RO, year)));
        add(publicLink);
        add(new BookmarkablePageLink<Void>("earlierYears", EarlierYearsPage.class));
        add(new FeedbackPanel("feedback"));
        add(newPublishForm(figures.published()));
        add(newFiguresForm());
        add(newMonthsForm());
    }

    private BookmarkablePageLink<Void> yearLink(String id, int target) {
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>(id, ReportFiguresPage.class,
                new PageParameters().set("year", target));
        link.setVisible(PortalApplication.get().reports().isReportYear(target));
        link.setBody(Model.of(String.valueOf(target)));
        return link;
    }

    private Form<Void> newPublishForm(boolean published) {
        Form<Void> form = new Form<>("publishForm");
        form.add(new Label("status", getString(published ? "admin.report.published" : "admin.report.unpublished")));
        Button button = new Button("publish") {
            @Override
            public void onSubmit() {
                PortalApplication.get().reports().setPublished(user(), year, !published);
                getSession().info(getString(published ? "admin.report.unpublishedNow" : "admin.report.publishedNow"));
                setResponsePage(ReportFiguresPage.class, new PageParameters().set("year", year));
            }
        };
        button.add(new Label("label", getString(published ? "admin.report.unpublish" : "admin.report.publish")));
        form.add(button);
        return form;
    }

    private Form<Void> newFiguresForm() {
        Form<Void> form = new Form<>("figuresForm") {
            @Override
            protected void onSubmit() {
                Map<Figure, Long> entered = new EnumMap<>(Figure.class);
                values.forEach((f, model) -> {
                    if (model.getObject() != null) {
                        entered.put(f, model.getObject());
                    }
                });
                Map<Figure.Section, Map<Language, String>> written = new EnumMap<>(Figure.Section.class);
                texts.forEach((section, byLanguage) -> {
                    Map<Language, String> t = new EnumMap<>(Language.class);
                    byLanguage.forEach((language, model) -> {
                        if (model.getObject() != null && !model.getObject().isBlank()) {
                            t.put(language, model.getObject());
                        }
                    });
                    written.put(section, t);
                });
                PortalApplication.get().reports().saveFigures(user(), new YearFigures(year, entered, written, false,
                        null));
                info(getString("admin.report.saved"));
            }
        };
        form.add(new ListView<>("section", Arrays.asList(Figure.Section.values())) {
            @Override
            protected void populateItem(ListItem<Figure.Section> item) {
                Figure.Section section = item.getModelObject();
                item.add(new Label("title", getString("report.section." + section.key())));
                item.add(new ListView<>("figure", Figure.of(section)) {
                    @Override
                    protected void populateItem(ListItem<Figure> row) {
                        Figure f = row.getModelObject();
                        NumberTextField<Long> field = new NumberTextField<>("value", values.get(f), Long.class);
                        field.setMinimum(0L).setMaximum(100_000_000L);
                        field.setLabel(Model.of(getString("report.figure." + f.name())));
                        row.add(new Label("label", getString("report.figure." + f.name()))
                                .add(AttributeModifier.replace("for", field.getMarkupId())));
                        row.add(field.setOutputMarkupId(true));
                    }
                }.setReuseItems(true));
                item.add(new ListView<>("text", Arrays.asList(Language.values())) {
                    @Override
                    protected void populateItem(ListItem<Language> row) {
                        Language language = row.getModelObject();
                        TextArea<String> area = new TextArea<>("body", texts.get(section).get(language));
                        area.add(StringValidator.maximumLength(ReportService.MAX_TEXT));
                        area.add(AttributeModifier.replace("lang", language.code()));
                        area.setLabel(Model.of(getString("admin.report.summary." + language.code())));
                        row.add(new Label("label", getString("admin.report.summary." + language.code()))
                                .add(AttributeModifier.replace("for", area.getMarkupId())));
                        row.add(area.setOutputMarkupId(true));
                    }
                }.setReuseItems(true));
            }
        }.setReuseItems(true));
        return form;
    }

    private Form<Void> newMonthsForm() {
        Form<Void> form = new Form<>("monthsForm") {
            @Override
            protected void onSubmit() {
                List<EnteredMonth> entered = new ArrayList<>();
                for (MonthRow row : months) {
                    if (row.visits == null && row.visitors == null) {
                        continue;
                    }
                    if (row.visits == null || row.visitors == null || row.visitors > row.visits) {
                        error(new StringResourceModel("admin.report.months.invalid", ReportFiguresPage.this)
                                .setParameters(getString("report.month." + row.month)).getString());
                        return;
                    }
                    entered.add(new EnteredMonth(row.month, row.visits, row.visitors, row.pageviews));
                }
                PortalApplication.get().reports().saveEnteredMonths(user(), year, entered);
                info(getString("admin.report.months.saved"));
            }
        };
        form.add(new ListView<>("month", months) {
            @Override
            protected void populateItem(ListItem<MonthRow> item) {
                MonthRow row = item.getModelObject();
                item.add(new Label("name", getString("report.month." + row.month)));
                item.add(number("visits", LambdaField.of(row, r -> r.visits, (r, v) -> r.visits = v), "report.visits", row));
                item.add(number("visitors", LambdaField.of(row, r -> r.visitors, (r, v) -> r.visitors = v), "report.uniqueVisitors", row));
                item.add(number("pageviews", LambdaField.of(row, r -> r.pageviews, (r, v) -> r.pageviews = v), "report.pageviews", row));
            }
        }.setReuseItems(true));
        return form;
    }

    private NumberTextField<Long> number(String id, IModel<Long> model, String labelKey, MonthRow row) {
        NumberTextField<Long> field = new NumberTextField<>(id, model, Long.class);
        field.setMinimum(0L).setMaximum(100_000_000L);
        field.setLabel(Model.of(getString("report.month." + row.month) + ": " + getString(labelKey)));
        field.add(AttributeModifier.replace("aria-label", field.getLabel()));
        return field;
    }

    /** One month's row of the form. */
    static final class MonthRow implements Serializable {
        final int month;
        Long visits;
        Long visitors;
        Long pageviews;

        MonthRow(int month, Long visits, Long visitors, Long pageviews) {
            this.month = month;
            this.visits = visits;
            this.visitors = visitors;
            this.pageviews = pageviews;
        }
    }

    /** A model reading and writing one field of a row. */
    private static final class LambdaField implements IModel<Long> {
        private final MonthRow row;
        private final SerializableFunction<MonthRow, Long> getter;
        private final SerializableBiConsumer<MonthRow, Long> setter;

        private LambdaField(MonthRow row,
                            SerializableFunction<MonthRow, Long> getter,
                            SerializableBiConsumer<MonthRow, Long> setter) {
            this.row = row;
            this.getter = getter;
            this.setter = setter;
        }

        static LambdaField of(MonthRow row,
                              SerializableFunction<MonthRow, Long> getter,
                              SerializableBiConsumer<MonthRow, Long> setter) {
            return new LambdaField(row, getter, setter);
        }

        @Override
        public Long getObject() {
            return getter.apply(row);
        }

        @Override
        public void setObject(Long value) {
            setter.accept(row, value);
        }
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.report.title") + " " + year;
    }
}
