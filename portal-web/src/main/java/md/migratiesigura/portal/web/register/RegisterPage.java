package md.migratiesigura.portal.web.register;

import java.io.Serializable;
import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import md.migratiesigura.portal.agency.Countries;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.consultation.ReferralView;
import md.migratiesigura.portal.register.CaseType;
import md.migratiesigura.portal.register.EntryChannel;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.register.EntryView;
import md.migratiesigura.portal.register.Exploitation;
import md.migratiesigura.portal.register.NewEntry;
import md.migratiesigura.portal.register.RegisterDenied;
import md.migratiesigura.portal.register.RegisterException;
import md.migratiesigura.portal.register.RegisterProblem;
import md.migratiesigura.portal.register.RegisterService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBoxMultipleChoice;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Counsellors and administrators record each call, chat or consultation in the hotline register, with a caller on
 * the line: native controls only (keyboard from the first field to "Save"), today's date, the last choices made in
 * this session as defaults, and nothing that could identify a person. Below, the user's recent entries with
 * correction and deletion while the rules allow them (the author within a day, an administrator always).
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.COUNSELLOR})
public class RegisterPage extends AdminBasePage {

    /** The session attribute with the last entry saved: its choices are the next entry's defaults. */
    static final String LAST_CHOICES = "register.lastChoices";
    static final int RECENT = 20;

    private final IModel<String> date = Model.of();
    private final IModel<EntryChannel> channel = Model.of();
    private final IModel<EntryKind> kind = Model.of();
    private final IModel<Long> service = Model.of();
    private final IModel<CaseType> caseType = Model.of();
    private final IModel<String> persons = Model.of();
    private final IModel<String> citizenship = Model.of();
    private final IModel<String> country = Model.of();
    private final IModel<List<Exploitation>> exploitation = Model.ofList(new ArrayList<>());
    /** The entry being corrected, or null while recording a new one. */
    private Long editing;
    private final IModel<List<EntryView>> recent = LoadableDetachableModel.of(
            () -> PortalApplication.get().register().recent(user(), RECENT));

    public RegisterPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        add(new BookmarkablePageLink<Void>("importLink", RegisterImportPage.class) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(isInstantiationAuthorized(RegisterImportPage.class));
            }
        });
        fill(remembered());
        add(newForm("form"));
        add(newRecent("recent"));
    }

    private static boolean isInstantiationAuthorized(Class<RegisterImportPage> page) {
        return PortalApplication.get().getSecuritySettings().getAuthorizationStrategy().isInstantiationAuthorized(page);
    }

    private Form<Void> newForm(String id) {
        Form<Void> form = new Form<>(id) {
            @Override
            protected void onSubmit() {
                save();
            }
        };
        form.add(new Label("mode", () -> editing == null ? getString("register.form.new")
                : Texts.format(getString("register.form.correcting"), getLocale(), String.valueOf(editing))));
        form.add(typed("date", date, "date")
                .add(AttributeModifier.replace("max", () -> register().today().toString())));
        form.add(new DropDownChoice<>("channel", channel, Arrays.asList(EntryChannel.values()),
                new CodeRenderer<>(this, "register.channel.", EntryChannel::code)));
        form.add(new DropDownChoice<>("kind", kind, Arrays.asList(EntryKind.values()),
                new CodeRenderer<>(this, "register.kind.", EntryKind::code)));
        form.add(new DropDownChoice<>("service", service, LoadableDetachableModel.of(() ->
                PortalApplication.get().referrals().referrals(false).stream().map(ReferralView::id).toList()),
                new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(Long id) {
                        return PortalApplication.get().referrals().referrals(true).stream()
                                .filter(r -> r.id() == id).findFirst()
                                .map(r -> r.name(StaffSession.get().language())).orElse(String.valueOf(id));
                    }

                    @Override
                    public String getIdValue(Long id, int index) {
                        return String.valueOf(id);
                    }
                }).setNullValid(true));
        form.add(new DropDownChoice<>("case", caseType, Arrays.asList(CaseType.values()),
                new CodeRenderer<>(this, "register.case.", CaseType::code)).setNullValid(true));
        form.add(typed("persons", persons, "number"));
        form.add(countryChoice("citizenship", citizenship));
        form.add(countryChoice("country", country));
        form.add(new CheckBoxMultipleChoice<>("exploitation", exploitation, Arrays.asList(Exploitation.values()),
                new CodeRenderer<>(this, "register.exploitation.", Exploitation::code)));
        form.add(new Button("cancel") {
            @Override
            public void onSubmit() {
                editing = null;
                fill(remembered());
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(editing != null);
            }
        }.setDefaultFormProcessing(false));
        return form;
    }

    /** A text field on a browser's date or number input: the value is still read, and refused, by this page. */
    private static TextField<String> typed(String id, IModel<String> model, String type) {
        return new TextField<>(id, model) {
            @Override
            protected String[] getInputTypes() {
                return new String[] {type};
            }
        };
    }

    private DropDownChoice<String> countryChoice(String id, IModel<String> model) {
        Language language = StaffSession.get().language();
        Collator collator = Collator.getInstance(language.locale());
        List<String> codes = new ArrayList<>(List.of(NewEntry.MOLDOVA));
        Arrays.stream(Locale.getISOCountries()).filter(c -> !c.equals(NewEntry.MOLDOVA))
                .sorted(Comparator.comparing(c -> Countries.name(c, language), collator)).forEach(codes::add);
        DropDownChoice<String> choice = new DropDownChoice<>(id, model, codes, new ChoiceRenderer<>() {
            @Override
            public Object getDisplayValue(String code) {
                return Countries.name(code, language);
            }

            @Override
            public String getIdValue(String code, int index) {
                return code;
            }
        });
        choice.setNullValid(true);
        return choice;
    }

    private WebMarkupContainer newRecent(String id) {
        WebMarkupContainer box = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!recent.getObject().isEmpty());
            }
        };
        box.add(new ListView<>("entry", recent) {
            @Override
            protected void populateItem(ListItem<EntryView> item) {
                EntryView view = item.getModelObject();
                NewEntry e = view.entry();
                item.add(new Label("number", String.valueOf(view.id())));
                item.add(new Label("date", Texts.date(e.date(), getLocale())));
                item.add(new Label("channel", getString("register.channel." + e.channel().code())));
                item.add(new Label("kind", getString("register.kind." + e.kind().code())));
                item.add(new Label("case", describeCase(e)));
                Form<Void> actions = new Form<>("actions");
                actions.setVisible(register().mayChange(user(), view));
                actions.add(new Button("correct") {
                    @Override
                    public void onSubmit() {
                        editing = view.id();
                        fill(e);
                        date.setObject(e.date().toString());
                    }
                });
                actions.add(new Button("delete") {
                    @Override
                    public void onSubmit() {
                        try {
                            register().delete(user(), view.id());
                            info(Texts.format(getString("register.deleted"), getLocale(), String.valueOf(view.id())));
                            if (Long.valueOf(view.id()).equals(editing)) {
                                editing = null;
                                fill(remembered());
                            }
                        } catch (RegisterDenied denied) {
                            error(RegisterMessages.of(this, denied));
                        }
                        recent.detach();
                    }
                });
                item.add(actions);
            }
        });
        return box;
    }

    private String describeCase(NewEntry e) {
        if (e.caseType() == null) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        parts.add(getString("register.case." + e.caseType().code()));
        parts.add(Texts.format(getString("register.list.persons"), getLocale(), e.persons()));
        Language language = StaffSession.get().language();
        if (e.citizenship() != null) {
            parts.add(Countries.name(e.citizenship(), language));
        }
        if (e.country() != null) {
            parts.add("→ " + Countries.name(e.country(), language));
        }
        if (!e.exploitation().isEmpty()) {
            parts.add(e.exploitation().stream().map(x -> getString("register.exploitation." + x.code()))
                    .collect(Collectors.joining(", ")));
        }
        return String.join(" · ", parts);
    }

    private void save() {
        NewEntry entry;
        try {
            entry = entry();
        } catch (RegisterException e) {
            error(RegisterMessages.of(this, e));
            return;
        }
        try {
            if (editing == null) {
                long id = register().record(user(), entry);
                info(Texts.format(getString("register.saved"), getLocale(), String.valueOf(id)));
            } else {
                register().correct(user(), editing, entry);
                info(Texts.format(getString("register.corrected"), getLocale(), String.valueOf(editing)));
                editing = null;
            }
        } catch (RegisterException e) {
            error(RegisterMessages.of(this, e));
            return;
        } catch (RegisterDenied e) {
            error(RegisterMessages.of(this, e));
            editing = null;
            return;
        }
        // The choices are kept in the staff session (made only by signing in) for the next entry.
        getSession().setAttribute(LAST_CHOICES, entry);
        fill(entry);
        date.setObject(register().today().toString());
        recent.detach();
    }

    /** The entry the form holds; a value that cannot be read is refused with the register's own words. */
    private NewEntry entry() {
        LocalDate day;
        String typedDate = date.getObject() == null ? "" : date.getObject().strip();
        if (typedDate.isEmpty()) {
            throw new RegisterException(RegisterProblem.MISSING_VALUE, "date");
        }
        try {
            day = LocalDate.parse(typedDate);
        } catch (DateTimeParseException e) {
            throw new RegisterException(RegisterProblem.BAD_DATE, typedDate);
        }
        String typedPersons = persons.getObject() == null ? "" : persons.getObject().strip();
        int count;
        try {
            count = typedPersons.isEmpty() ? (caseType.getObject() == null ? 0 : 1) : Integer.parseInt(typedPersons);
        } catch (NumberFormatException e) {
            throw new RegisterException(RegisterProblem.BAD_PERSONS, typedPersons);
        }
        List<Exploitation> forms = exploitation.getObject();
        return new NewEntry(day, channel.getObject(), kind.getObject(), service.getObject(), caseType.getObject(),
                count, citizenship.getObject(), country.getObject(),
                forms == null || forms.isEmpty() ? EnumSet.noneOf(Exploitation.class) : EnumSet.copyOf(forms));
    }

    /** The last entry saved in this session, or the defaults: today, a call about the Moldova-Israel programme. */
    private NewEntry remembered() {
        Serializable last = getSession().getAttribute(LAST_CHOICES);
        return last instanceof NewEntry e ? e
                : NewEntry.simple(register().today(), EntryChannel.CALL, EntryKind.ISRAEL_PROGRAMME);
    }

    private void fill(NewEntry e) {
        date.setObject(register().today().toString());
        channel.setObject(e.channel());
        kind.setObject(e.kind());
        service.setObject(e.serviceId());
        caseType.setObject(e.caseType());
        persons.setObject(e.caseType() == null ? "" : String.valueOf(e.persons()));
        citizenship.setObject(e.citizenship());
        country.setObject(e.country());
        exploitation.setObject(new ArrayList<>(e.exploitation()));
        Form<?> form = (Form<?>) get("form");
        if (form != null) {
            form.clearInput();
        }
    }

    private static RegisterService register() {
        return PortalApplication.get().register();
    }

    @Override
    protected void onDetach() {
        recent.detach();
        super.onDetach();
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("register.title");
    }
}
