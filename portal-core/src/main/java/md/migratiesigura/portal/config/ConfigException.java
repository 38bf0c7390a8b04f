package md.migratiesigura.portal.config;

/**
 * A setting the portal cannot start with. The message is one line that names the setting, meant to be shown to the
 * operator as it is, without a stack trace.
 */
public class ConfigException extends RuntimeException {

    private final String setting;

    public ConfigException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    public ConfigException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
        this.setting = setting;
    }

    /** The environment variable at fault, e.g. {@code PORTAL_PORT}. */
    public String setting() {
        return setting;
    }
}
