package md.migratiesigura.portal.register;

import java.io.Serializable;

/** The register's numbers of one month (or part of it), for the staff dashboard. */
public record MonthCount(int year, int month, long calls, long chats, long consultations, long sos)
        implements Serializable {

    public long total() {
        return calls + chats + consultations;
    }
}
