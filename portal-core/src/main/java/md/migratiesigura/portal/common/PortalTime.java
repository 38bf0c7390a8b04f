package md.migratiesigura.portal.common;

import java.time.ZoneId;

/** The hotline's time zone: every date readers and staff see, every month counted and every schedule is in it. */
public final class PortalTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Chisinau");

    private PortalTime() {
    }
}
