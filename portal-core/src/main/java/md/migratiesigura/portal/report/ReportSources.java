package md.migratiesigura.portal.report;

import java.util.Optional;

/**
 * Where the report gets the figures of features built elsewhere. Each is an extension point: until its feature
 * exists the report shows zeros ({@link #NONE}); the feature then implements the interface and
 * {@code PortalCore} passes it in.
 */
public final class ReportSources {

    /** Implemented by the events feature: events held in the year (status held), by type, participants, materials. */
    @FunctionalInterface
    public interface EventStatistics {
        EventFigures forYear(int year);
    }

    /** Implemented by the job-offer check: checks done in the year by tier, and the most frequent flags. */
    @FunctionalInterface
    public interface RiskCheckStatistics {
        RiskCheckFigures forYear(int year);
    }

    /** Implemented by the online consultations: asked for in the year, and how many were SOS. */
    @FunctionalInterface
    public interface ConsultationStatistics {
        ConsultationFigures forYear(int year);
    }

    /**
     * Implemented by the hotline register: the hotline's figures computed from the register, or empty when the year
     * has no register entries (the entered figures stay).
     */
    @FunctionalInterface
    public interface HotlineStatistics {
        Optional<HotlineFigures> forYear(int year);
    }

    /** Implemented by the live chat: the year's chats month by month (see {@link ChatFigures}). */
    @FunctionalInterface
    public interface ChatStatistics {
        ChatFigures forYear(int year);
    }

    public static final ChatStatistics NO_CHAT = year -> ChatFigures.none();
    public static final HotlineStatistics NO_HOTLINE = year -> Optional.empty();
    public static final EventStatistics NO_EVENTS = year -> EventFigures.none();
    public static final RiskCheckStatistics NO_RISK_CHECKS = year -> RiskCheckFigures.none();
    public static final ConsultationStatistics NO_CONSULTATIONS = year -> ConsultationFigures.none();

    /** All three features absent: zeros everywhere. */
    public static final ReportSources NONE = new ReportSources(NO_EVENTS, NO_RISK_CHECKS, NO_CONSULTATIONS);

    private final EventStatistics events;
    private final RiskCheckStatistics riskChecks;
    private final ConsultationStatistics consultations;
    private final HotlineStatistics hotline;
    private final ChatStatistics chat;

    public ReportSources(EventStatistics events, RiskCheckStatistics riskChecks, ConsultationStatistics consultations) {
        this(events, riskChecks, consultations, NO_HOTLINE, NO_CHAT);
    }

    private ReportSources(EventStatistics events, RiskCheckStatistics riskChecks, ConsultationStatistics consultations,
                          HotlineStatistics hotline, ChatStatistics chat) {
        this.events = events;
        this.riskChecks = riskChecks;
        this.consultations = consultations;
        this.hotline = hotline;
        this.chat = chat;
    }

    /** The same sources with the hotline's figures from the register. */
    public ReportSources withHotline(HotlineStatistics register) {
        return new ReportSources(events, riskChecks, consultations, register, chat);
    }

    /** The same sources with the live chat's figures. */
    public ReportSources withChat(ChatStatistics chatCounts) {
        return new ReportSources(events, riskChecks, consultations, hotline, chatCounts);
    }

    public ChatStatistics chat() {
        return chat;
    }

    public HotlineStatistics hotline() {
        return hotline;
    }

    public EventStatistics events() {
        return events;
    }

    public RiskCheckStatistics riskChecks() {
        return riskChecks;
    }

    public ConsultationStatistics consultations() {
        return consultations;
    }
}
