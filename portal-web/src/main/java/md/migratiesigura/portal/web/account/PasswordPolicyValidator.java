package md.migratiesigura.portal.web.account;

import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.form.validation.EqualPasswordInputValidator;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.validation.IValidatable;
import org.apache.wicket.validation.IValidator;
import org.apache.wicket.validation.ValidationError;

/**
 * The core's password policy as a form validator, so a weak password gets a message on its field before anything
 * is submitted to the service. Messages: {@code PasswordPolicyValidator.TOO_SHORT} etc. in the application's texts.
 */
public class PasswordPolicyValidator implements IValidator<String> {

    @Override
    public void validate(IValidatable<String> validatable) {
        // Looked up here, not held: validators are serialized with their page.
        PasswordPolicy policy = PortalApplication.get().users().passwordPolicy();
        policy.check(validatable.getValue()).ifPresent(problem -> validatable.error(new ValidationError(this, problem.name())
                .setVariable("minimum", PasswordPolicy.MIN_LENGTH)
                .setVariable("maximum", PasswordPolicy.MAX_LENGTH)));
    }

    /**
     * Adds a new password and its repetition to a form: the first checked by the policy, the two required to match
     * (labels {@code admin.account.next} and {@code admin.account.repeat}).
     */
    public static void addNewPasswordFields(Form<?> form, String id, IModel<String> password, String repeatId,
                                            IModel<String> repeat) {
        PasswordTextField passwordField = new PasswordTextField(id, password);
        passwordField.setLabel(new ResourceModel("admin.account.next")).add(new PasswordPolicyValidator());
        PasswordTextField repeatField = new PasswordTextField(repeatId, repeat);
        repeatField.setLabel(new ResourceModel("admin.account.repeat"));
        form.add(passwordField, repeatField);
        form.add(new EqualPasswordInputValidator(passwordField, repeatField));
    }
}
