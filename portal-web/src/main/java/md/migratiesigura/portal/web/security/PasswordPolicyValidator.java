package md.migratiesigura.portal.web.security;

import md.migratiesigura.portal.service.PasswordPolicy;
import md.migratiesigura.portal.web.PortalApplication;
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
}
