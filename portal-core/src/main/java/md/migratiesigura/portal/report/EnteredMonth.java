package md.migratiesigura.portal.report;

import java.io.Serializable;

/** A month's figures entered by an administrator for a year counted before the portal (or by another tool). */
public record EnteredMonth(int month, long visits, long uniqueVisitors, Long pageviews) implements Serializable {

    public EnteredMonth {
        if (month < 1 || month > 12 || visits < 0 || uniqueVisitors < 0 || (pageviews != null && pageviews < 0)) {
            throw new IllegalArgumentException("month 1-12 and figures of zero or more");
        }
        if (uniqueVisitors > visits) {
            throw new IllegalArgumentException("month " + month + ": more unique visitors than visits");
        }
    }
}
