package md.migratiesigura.portal.web.agency;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.agency.AgencyImportPreview.Change;
import md.migratiesigura.portal.agency.AgencyImportPreview.Problem;
import md.migratiesigura.portal.agency.AgencyImportPreview;
import md.migratiesigura.portal.agency.AgencyImportResult;
import md.migratiesigura.portal.agency.AgencyRow;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.agency.AgencyView;
import md.migratiesigura.portal.agency.Countries;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.CsvUploadForm;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.Component;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.behavior.Behavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.markup.html.panel.Fragment;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.danekja.java.util.function.serializable.SerializablePredicate;

/**
 * Editors and administrators: import the official list of licensed agencies from a CSV. Uploading only previews
 * (nothing changes); the preview is kept in this page, on the server, and "Apply" applies exactly it, unless the
 * registry changed in between. Agencies the file no longer lists are removed, and the page says so before.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class AgencyImportPage extends AdminBasePage {

    /** The file last previewed, or null: what "Apply" applies. */
    private AgencyImportPreview preview;
    private String fileName;
    private final IModel<Long> registrySize = LoadableDetachableModel.of(
            () -> PortalApplication.get().agencies().count());
    private final IModel<Optional<Instant>> lastImported = LoadableDetachableModel.of(
            () -> PortalApplication.get().agencies().lastImported());

    public AgencyImportPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        add(new Label("registrySize", registrySize.map(size -> Texts.plural(
                getString("admin.agencies.registrySize"), getLocale(), size))));
        // Empty until the first import; the models are read again after an import (see applyPreview).
        add(new Label("lastImported", lastImported.map(at -> at.map(instant -> Texts.format(
                getString("admin.agencies.lastImported"), getLocale(), Texts.dateTime(instant, getLocale()))).orElse(""))));
        add(newUploadForm("uploadForm"));
        add(newPreview("preview"));
    }

    private Form<Void> newUploadForm(String id) {
        return new CsvUploadForm(id, "admin.agencies", AgencyService.MAX_CSV_BYTES) {
            @Override
            protected void onFile(byte[] bytes, String name) {
                fileName = name;
                preview = PortalApplication.get().agencies().preview(bytes);
                if (!preview.canApply()) {
                    error(Texts.plural(getString("admin.agencies.refused"), getLocale(), preview.problems().size()));
                }
            }

            @Override
            protected void onNoPreview() {
                preview = null;
            }
        };
    }

    private WebMarkupContainer newPreview(String id) {
        WebMarkupContainer box = shownWhen(new WebMarkupContainer(id), p -> true);
        box.add(new Label("fileName", () -> fileName));
        box.add(count("added", () -> preview.added().size()));
        box.add(count("changed", () -> preview.changed().size()));
        box.add(count("unchanged", () -> preview.unchanged()));
        box.add(count("removed", () -> preview.removed().size()));
        box.add(count("problems", () -> preview.problems().size()));
        box.add(shownWhen(new Label("ignored", () -> Texts.format(getString("admin.agencies.ignoredColumns"),
                getLocale(), String.join(", ", preview.ignoredColumns()))), p -> !p.ignoredColumns().isEmpty()));

        WebMarkupContainer problems = shownWhen(new WebMarkupContainer("problemsTable"), p -> !p.problems().isEmpty());
        problems.add(new ListView<>("problem", () -> preview.problems()) {
            @Override
            protected void populateItem(ListItem<Problem> item) {
                Problem p = item.getModelObject();
                item.add(new Label("line", p.line() > 0 ? String.valueOf(p.line()) : getString("admin.agencies.wholeFile")));
                item.add(new Label("reason", Texts.format(getString("admin.agencies.problem." + p.code().name()),
                        getLocale(), p.arguments().toArray())));
            }
        });
        box.add(problems);

        box.add(agencyTable("addedTable", "admin.agencies.added.heading", () -> lines(preview.added())));
        box.add(newChangedTable("changedTable"));
        box.add(agencyTable("unchangedTable", "admin.agencies.unchanged.heading", () -> lines(unchangedRows())));
        box.add(agencyTable("removedTable", "admin.agencies.removed.heading",
                () -> preview.removed().stream().map(this::line).toList()));

        Form<Void> decide = new Form<>("decideForm");
        decide.add(shownWhen(new Label("consequence", () -> Texts.format(getString("admin.agencies.consequence"),
                getLocale(), preview.rows().size(), preview.removed().size(),
                Texts.date(PortalApplication.get().clock().instant(), getLocale()))), AgencyImportPreview::canApply));
        decide.add(shownWhen(new Button("apply") {
            @Override
            public void onSubmit() {
                applyPreview();
            }
        }, AgencyImportPreview::canApply));
        decide.add(new Button("cancel") {
            @Override
            public void onSubmit() {
                preview = null;
                info(getString("admin.agencies.cancelled"));
            }
        }.setDefaultFormProcessing(false));
        box.add(decide);
        return box;
    }

    private void applyPreview() {
        try {
            AgencyImportResult done = PortalApplication.get().agencies().apply(preview, user());
            info(Texts.format(getString("admin.agencies.applied"), getLocale(), done.added(), done.changed(),
                    done.unchanged(), done.removed()));
            preview = null;
            registrySize.detach();
            lastImported.detach();
        } catch (AgencyService.StalePreviewException e) {
            preview = null;
            error(getString("admin.agencies.stale"));
        }
    }

    private Label count(String id, IModel<Integer> value) {
        return new Label(id, () -> String.valueOf(value.getObject()));
    }

    /** The rows that say what the registry already says: neither new nor changed. */
    private List<AgencyRow> unchangedRows() {
        Set<String> other = new HashSet<>();
        preview.added().forEach(r -> other.add(r.idno()));
        preview.changed().forEach(c -> other.add(c.row().idno()));
        return preview.rows().stream().filter(r -> !other.contains(r.idno())).toList();
    }

    private Fragment agencyTable(String id, String headingKey, IModel<List<AgencyLine>> lines) {
        Fragment table = shownWhen(new Fragment(id, "agencyTable", this), p -> !lines.getObject().isEmpty());
        table.add(new Label("heading", () -> Texts.format(getString(headingKey), getLocale(), lines.getObject().size())));
        table.add(new ListView<>("agency", lines) {
            @Override
            protected void populateItem(ListItem<AgencyLine> item) {
                AgencyLine line = item.getModelObject();
                item.add(new Label("idno", line.idno()));
                item.add(new Label("name", line.name()));
                item.add(new Label("licence", line.licence()));
                item.add(new Label("validUntil", line.validUntil()));
                item.add(new Label("countries", line.countries()));
                item.add(new Label("partners", line.partners()));
            }
        });
        return table;
    }

    private WebMarkupContainer newChangedTable(String id) {
        WebMarkupContainer table = shownWhen(new WebMarkupContainer(id), p -> !p.changed().isEmpty());
        table.add(new Label("heading", () -> Texts.format(getString("admin.agencies.changed.heading"), getLocale(),
                preview.changed().size())));
        table.add(new ListView<>("agency", () -> preview.changed().stream().map(this::changeLines).toList()) {
            @Override
            protected void populateItem(ListItem<List<FieldChange>> item) {
                List<FieldChange> fields = item.getModelObject();
                item.add(new Label("idno", fields.get(0).idno()));
                item.add(new Label("name", fields.get(0).name()));
                item.add(new ListView<>("field", fields) {
                    @Override
                    protected void populateItem(ListItem<FieldChange> f) {
                        f.add(new Label("label", getString("admin.agencies.field." + f.getModelObject().field())));
                        f.add(new Label("before", f.getModelObject().before()));
                        f.add(new Label("after", f.getModelObject().after()));
                    }
                });
            }
        });
        return table;
    }

    /** One agency's fields as the page shows them. */
    private record AgencyLine(String idno, String name, String licence, String validUntil, String countries,
                              String partners) implements Serializable {
    }

    /** One changed field of an agency: the registry's value and the file's. */
    private record FieldChange(String idno, String name, String field, String before, String after)
            implements Serializable {
    }

    private List<AgencyLine> lines(List<AgencyRow> rows) {
        return rows.stream().map(r -> new AgencyLine(r.idno(), r.name(), r.licenceNumber(), date(r.validUntil()),
                countries(r.countries()), partners(r.partners()))).toList();
    }

    private AgencyLine line(AgencyView a) {
        return new AgencyLine(a.idno(), a.name(), a.licenceNumber(), date(a.validUntil()), countries(a.countries()),
                partners(a.partners()));
    }

    private List<FieldChange> changeLines(Change change) {
        AgencyLine before = line(change.before());
        AgencyLine after = lines(List.of(change.row())).get(0);
        List<FieldChange> fields = new ArrayList<>();
        for (String field : change.fields()) {
            fields.add(new FieldChange(after.idno(), after.name(), field, value(before, field), value(after, field)));
        }
        return fields;
    }

    /** A field by its CSV column name, as {@link Change#fields()} names it. */
    private static String value(AgencyLine line, String field) {
        return switch (field) {
            case "name" -> line.name();
            case "licence_number" -> line.licence();
            case "valid_until" -> line.validUntil();
            case "countries" -> line.countries();
            case "partners" -> line.partners();
            default -> throw new IllegalArgumentException("no such field: " + field);
        };
    }

    private String date(LocalDate date) {
        return Texts.date(date, getLocale());
    }

    private String countries(List<String> codes) {
        Language language = StaffSession.get().language();
        return String.join(", ", codes.stream().map(code -> Countries.name(code, language)).toList());
    }

    private String partners(List<String> partners) {
        return partners.isEmpty() ? "—" : String.join("; ", partners);
    }

    /** Shows the component while there is a preview that passes the test. */
    private <C extends Component> C shownWhen(C component, SerializablePredicate<AgencyImportPreview> test) {
        component.add(new Behavior() {
            @Override
            public void onConfigure(Component c) {
                c.setVisible(preview != null && test.test(preview));
            }
        });
        return component;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.agencies.title");
    }
}
