package md.migratiesigura.portal.web.security;

import md.migratiesigura.portal.account.HashingBusyException;
import org.apache.wicket.Component;
import org.apache.wicket.MetaDataKey;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.http.WebResponse;

/**
 * A form refused because the server hashes as many passwords as it can at once ({@code HashingSlots} in the core):
 * the page says so in the user's language, keeps what was typed, and answers 503 with {@code Retry-After}, so that
 * scripts back off too. Nothing was checked or counted.
 */
public final class HashingBusy {

    private static final MetaDataKey<Long> RETRY_AFTER_SECONDS = new MetaDataKey<>() {
        private static final long serialVersionUID = 1L;
    };

    private HashingBusy() {
    }

    /** Shows the message under {@code key} on the component and marks this response as 503. */
    public static void refuse(Component component, String key, HashingBusyException e) {
        component.error(component.getString(key));
        RequestCycle.get().setMetaData(RETRY_AFTER_SECONDS, Math.max(1, e.retryAfter().toSeconds()));
    }

    /** Called by the base pages as they configure their response. */
    public static void applyTo(WebResponse response) {
        RequestCycle cycle = RequestCycle.get();
        Long seconds = cycle == null ? null : cycle.getMetaData(RETRY_AFTER_SECONDS);
        if (seconds != null) {
            response.setStatus(503);
            response.setHeader("Retry-After", Long.toString(seconds));
        }
    }
}
