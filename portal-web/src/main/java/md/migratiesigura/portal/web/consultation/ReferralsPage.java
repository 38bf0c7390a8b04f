package md.migratiesigura.portal.web.consultation;

import md.migratiesigura.portal.consultation.ReferralService;
import md.migratiesigura.portal.consultation.ReferralView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.StaffActions;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Administrators keep the list of specialised services counsellors refer people to, named in both languages. A
 * service is retired rather than deleted, so past referrals and the counts keep their name.
 */
@AuthorizeInstantiation(StaffRoles.ADMINISTRATOR)
public class ReferralsPage extends AdminBasePage {

    private final IModel<String> newRo = Model.of("");
    private final IModel<String> newRu = Model.of("");

    public ReferralsPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        add(new ListView<>("referrals", LoadableDetachableModel.of(
                () -> PortalApplication.get().referrals().referrals(true))) {
            @Override
            protected void populateItem(ListItem<ReferralView> item) {
                ReferralView r = item.getModelObject();
                IModel<String> ro = Model.of(r.nameRo());
                IModel<String> ru = Model.of(r.nameRu());
                Form<Void> rename = new Form<>("rename") {
                    @Override
                    protected void onSubmit() {
                        act(() -> PortalApplication.get().referrals().renameReferral(user(), r.id(),
                                ro.getObject(), ru.getObject()),
                                "admin.referrals.renamed");
                    }
                };
                rename.add(nameField("nameRo", ro, "admin.referrals.nameRo"));
                rename.add(nameField("nameRu", ru, "admin.referrals.nameRu"));
                item.add(rename);
                item.add(new Label("state", getString(r.retired() ? "admin.referrals.retired" : "admin.referrals.active")));
                Form<Void> toggle = new Form<>("toggle") {
                    @Override
                    protected void onSubmit() {
                        act(() -> PortalApplication.get().referrals().setReferralRetired(user(), r.id(),
                                !r.retired()),
                                r.retired() ? "admin.referrals.restoredNow" : "admin.referrals.retiredNow");
                    }
                };
                toggle.add(new Label("label", getString(r.retired() ? "admin.referrals.restore" : "admin.referrals.retire")));
                item.add(toggle);
            }
        });
        Form<Void> add = new Form<>("add") {
            @Override
            protected void onSubmit() {
                act(() -> PortalApplication.get().referrals().addReferral(user(), newRo.getObject(),
                        newRu.getObject()), "admin.referrals.added");
                if (!hasErrorMessage()) {
                    newRo.setObject("");
                    newRu.setObject("");
                }
            }
        };
        add.add(nameField("nameRo", newRo, "admin.referrals.nameRo"));
        add.add(nameField("nameRu", newRu, "admin.referrals.nameRu"));
        add(add);
    }

    private TextField<String> nameField(String id, IModel<String> model, String labelKey) {
        TextField<String> field = new TextField<>(id, model);
        field.add(AttributeModifier.replace("maxlength", ReferralService.MAX_REFERRAL_NAME));
        field.add(AttributeModifier.replace("aria-label", getString(labelKey)));
        return field;
    }

    private void act(Runnable action, String doneKey) {
        StaffActions.run(this, action, doneKey);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.referrals.title");
    }
}
