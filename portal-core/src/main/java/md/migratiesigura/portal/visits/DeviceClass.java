package md.migratiesigura.portal.visits;

import java.util.Locale;

/** The kind of device a page was read on, from the user agent alone: what an editor needs, nothing more. */
public enum DeviceClass {
    MOBILE, TABLET, DESKTOP;

    /** The class of a (non-bot) user agent; tablets first, since Android tablets omit "Mobile". */
    public static DeviceClass of(String userAgent) {
        if (userAgent == null) {
            return DESKTOP;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("ipad") || ua.contains("tablet") || (ua.contains("android") && !ua.contains("mobile"))) {
            return TABLET;
        }
        if (ua.contains("mobi") || ua.contains("iphone") || ua.contains("android") || ua.contains("opera mini")) {
            return MOBILE;
        }
        return DESKTOP;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
