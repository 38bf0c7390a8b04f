package md.migratiesigura.portal.riskcheck;

/** How serious a red flag is (reference/job-offer-red-flags.md). */
public enum Severity {
    /** Stop, call the hotline before going further. */
    HIGH,
    /** Verify before deciding. */
    MED,
    /** Be aware. */
    LOW
}
