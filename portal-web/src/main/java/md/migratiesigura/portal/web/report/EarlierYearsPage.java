package md.migratiesigura.portal.web.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.report.EarlierYear;
import md.migratiesigura.portal.report.EarlierYearService;
import md.migratiesigura.portal.report.FactsheetSection;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.NumberTextField;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;

/**
 * Administrators only ({@code /admin/earlier-years}, {@code ?year=2012} to change one): the years before the portal,
 * 2001 to 2014, entered from the hotline's published factsheets. Each figure is optional (only what the factsheet
 * gives), the factsheet itself is required; a year can be changed and deleted. The retrospective shows these years
 * marked as entered from the published factsheet.
 */
@AuthorizeInstantiation(StaffRoles.ADMINISTRATOR)
public class EarlierYearsPage extends AdminBasePage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The factsheet's sections an earlier year's figures belong to, in its order. */
    static final List<FactsheetSection> SECTIONS = List.of(FactsheetSection.CALLS, FactsheetSection.SOS,
            FactsheetSection.CONSULTATIONS, FactsheetSection.PREVENTION);

    private final IModel<Integer> year = Model.of((Integer) null);
    private final IModel<String> source = Model.of((String) null);
    private final Map<Figure, IModel<Long>> values = new EnumMap<>(Figure.class);
    private final IModel<List<EarlierYear>> entered;

    public EarlierYearsPage(PageParameters parameters) {
        super(parameters);
        EarlierYearService service = PortalApplication.get().earlierYears();
        for (Figure f : Figure.values()) {
            values.put(f, Model.of((Long) null));
        }
        String requested = parameters.get("year").toString("");
        EarlierYear editing = requested.matches("\\d{4}")
                ? service.find(Integer.parseInt(requested)).orElse(null) : null;
        if (editing != null) {
            year.setObject(editing.year());
            source.setObject(editing.source());
            editing.values().forEach((f, v) -> values.get(f).setObject(v));
        }
        entered = LoadableDetachableModel.of(service::list);

        add(new BookmarkablePageLink<Void>("report", ReportFiguresPage.class));
        add(new FeedbackPanel("feedback"));
        add(newList());
        add(new Label("formHeading", editing == null ? getString("admin.earlier.new")
                : getString("admin.earlier.edit") + " " + editing.year()));
        add(newForm());
    }

    private ListView<EarlierYear> newList() {
        ListView<EarlierYear> list = new ListView<>("year", entered) {
            @Override
            protected void populateItem(ListItem<EarlierYear> item) {
                EarlierYear y = item.getModelObject();
                item.add(new Label("number", String.valueOf(y.year())));
                item.add(new Label("calls", number(y.value(Figure.HOTLINE_CALLS))));
                item.add(new Label("consultations", number(y.value(Figure.CONSULTATIONS_ONLINE))));
                item.add(new Label("materials", number(y.value(Figure.MATERIALS_HANDED_OUT))));
                item.add(new Label("source", y.source()));
                item.add(new Label("when", ZonedDateTime.ofInstant(y.enteredAt(), PortalTime.ZONE).format(WHEN)));
                item.add(new BookmarkablePageLink<Void>("edit", EarlierYearsPage.class,
                        new PageParameters().set("year", y.year()))
                        .add(AttributeModifier.replace("aria-label", getString("admin.earlier.editYear") + " " + y.year())));
                Form<Void> delete = new Form<>("delete");
                delete.add(new Button("button") {
                    @Override
                    public void onSubmit() {
                        PortalApplication.get().earlierYears().delete(user(), y.year());
                        getSession().info(getString("admin.earlier.deleted") + " " + y.year());
                        setResponsePage(EarlierYearsPage.class);
                    }
                }.add(AttributeModifier.replace("aria-label", getString("admin.earlier.deleteYear") + " " + y.year())));
                item.add(delete);
            }
        };
        return list;
    }

    private String number(Long value) {
        return value == null ? "—" : ReportTexts.number(value, getLocale());
    }

    private Form<Void> newForm() {
        Form<Void> form = new Form<>("form") {
            @Override
            protected void onSubmit() {
                save();
            }
        };
        NumberTextField<Integer> yearField = new NumberTextField<>("yearField", year, Integer.class);
        yearField.setMinimum(EarlierYearService.FIRST_YEAR).setMaximum(EarlierYearService.LAST_YEAR).setRequired(true);
        yearField.setLabel(Model.of(getString("admin.earlier.year")));
        form.add(yearField);
        TextField<String> sourceField = new TextField<>("source", source);
        sourceField.setRequired(true).add(StringValidator.maximumLength(EarlierYearService.MAX_SOURCE));
        sourceField.setLabel(Model.of(getString("admin.earlier.source")));
        form.add(sourceField);
        form.add(new ListView<>("section", SECTIONS) {
            @Override
            protected void populateItem(ListItem<FactsheetSection> item) {
                item.add(new Label("title", getString("report.factsheet." + item.getModelObject().key())));
                item.add(new ListView<>("figure", item.getModelObject().figures()) {
                    @Override
                    protected void populateItem(ListItem<Figure> row) {
                        Figure f = row.getModelObject();
                        NumberTextField<Long> field = new NumberTextField<>("value", values.get(f), Long.class);
                        field.setMinimum(0L).setMaximum(EarlierYearService.MAX_VALUE);
                        field.setLabel(Model.of(getString("report.figure." + f.name())));
                        row.add(new Label("label", getString("report.figure." + f.name()))
                                .add(AttributeModifier.replace("for", field.getMarkupId())));
                        row.add(field.setOutputMarkupId(true));
                    }
                }.setReuseItems(true));
            }
        }.setReuseItems(true));
        return form;
    }

    private void save() {
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        values.forEach((f, model) -> {
            if (model.getObject() != null) {
                figures.put(f, model.getObject());
            }
        });
        if (figures.isEmpty()) {
            error(getString("admin.earlier.noFigure"));
            return;
        }
        int y = year.getObject();
        try {
            PortalApplication.get().earlierYears().save(user(), y, figures, source.getObject());
        } catch (EarlierYearService.InvalidYearException e) {
            // The form's validators check the same; this is for a rule they cannot see.
            error(getString("admin.earlier.invalid." + e.problem().name()));
            return;
        }
        getSession().info(getString("admin.earlier.saved") + " " + y);
        setResponsePage(EarlierYearsPage.class);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.earlier.title");
    }

    @Override
    protected void onDetach() {
        entered.detach();
        super.onDetach();
    }
}
