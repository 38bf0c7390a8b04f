package md.migratiesigura.portal.web.admin;

import md.migratiesigura.portal.consultation.ConsultationException;
import org.apache.wicket.Component;

/** Runs a consultation action from a back-office form and reports the outcome in the page's feedback. */
public final class StaffActions {

    private StaffActions() {
    }

    /** Runs the action; says {@code doneKey} on success, the reason's message on a refusal. */
    public static void run(Component reporter, Runnable action, String doneKey) {
        try {
            action.run();
            reporter.info(reporter.getString(doneKey));
        } catch (ConsultationException e) {
            reporter.error(reporter.getString("consultation.error." + e.reason().name()));
        }
    }
}
