package md.migratiesigura.portal;

import java.time.Clock;
import java.util.Optional;
import md.migratiesigura.portal.throttle.MemoryThrottleStore;
import md.migratiesigura.portal.throttle.ThrottleStore;
import md.migratiesigura.portal.account.SecondFactorService;
import md.migratiesigura.portal.account.StaffSessionRecords;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.PageService;
import md.migratiesigura.portal.article.EditorialListQueries;
import md.migratiesigura.portal.article.EditorialService;
import md.migratiesigura.portal.article.RevisionService;
import md.migratiesigura.portal.article.TranslationQueries;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.chat.CannedAnswers;
import md.migratiesigura.portal.chat.ChatConsole;
import md.migratiesigura.portal.chat.ChatService;
import md.migratiesigura.portal.consultation.ConsultationService;
import md.migratiesigura.portal.consultation.ReferralService;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.event.EventReportSource;
import md.migratiesigura.portal.event.EventService;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.register.RegisterService;
import md.migratiesigura.portal.report.EarlierYearService;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.navigation.NavigationService;
import md.migratiesigura.portal.search.SearchService;
import md.migratiesigura.portal.search.SearchWordsService;
import md.migratiesigura.portal.visits.VisitCounter;
import md.migratiesigura.portal.visits.VisitStatistics;

/**
 * What the web layer may use of the core: services that return small serializable records, never entities.
 * Built by {@link PortalCore#start}; closing it releases the index and the database.
 */
public interface PortalServices extends AutoCloseable {

    ArticleService articles();

    UserService users();

    /** The second factor of signing in: codes from an authenticator app. */
    SecondFactorService secondFactor();

    SearchService search();

    /** The back office's audit log. */
    AuditService audit();
    /** The job-offer check: questionnaire, engine, anonymous monthly counts. */
    RiskCheckService riskCheck();

    /** The registry of licensed private employment agencies: lookup and import of the official list. */
    AgencyService agencies();

    /** Counts public pageviews (spec §6); fed by the web layer's filter, flushed every two seconds and at close. */
    VisitCounter visitCounter();

    /** The counts written so far, for the staff dashboard. */
    VisitStatistics visitStatistics();

    /** The annual report and what administrators enter for it. */
    ReportService reports();

    /** The years before the portal, entered by administrators from the hotline's published factsheets. */
    default EarlierYearService earlierYears() {
        throw new UnsupportedOperationException("this build has no earlier years");
    }

    /** Writing, reviewing, publishing and scheduling articles. */
    EditorialService editorial();

    /** The editors' list of articles. */
    EditorialListQueries editorialList();

    /** The revisions of each language version, their diffs, and restoring one. */
    RevisionService revisions();

    /** The translation matrix: which language versions are missing or outdated. */
    TranslationQueries translations();

    /** Uploaded cover images. */
    ImageService images();

    /** Events listed by trainers: public listing, feeds, the back office's saves. */
    EventService events();

    /** Held events of a year, as the annual report and the events' back office count them. */
    EventReportSource eventFigures();

    /** Online consultations: questions from the public, counsellors' replies and referrals. */
    ConsultationService consultations();

    /** The services counsellors refer people to, kept by administrators. */
    ReferralService referrals();

    /** The hotline register: counsellors' entries, its import, and the hotline figures computed from it. */
    default RegisterService register() {
        throw new UnsupportedOperationException("this build has no hotline register");
    }

    /** The information materials: the library readers download from, and its back office. */
    default MaterialService materials() {
        throw new UnsupportedOperationException("this build has no information materials");
    }

    /** The equivalent-word lists of search, kept by editors. */
    SearchWordsService searchWords();

    /** The live chat: the reader's side. */
    ChatService chat();

    /** The live chat: the counsellors' side. */
    ChatConsole chatConsole();

    /** The live chat: the canned answers administrators keep. */
    CannedAnswers cannedAnswers();

    /** A live check of the database and the search index. */
    Health health();

    /** What the content import at start did. */
    ImportReport contentImport();

    /**
     * Where the throttles count (login tries, consultation and chat limits): shared by every node through the database; a
     * stand-in of services without a database counts in its own memory.
     */
    default ThrottleStore throttles() {
        return new MemoryThrottleStore(Clock.systemUTC(), 10_000);
    }

    /**
     * Where back-office sessions are kept for every node to take over; empty for a stand-in of services without a
     * database, whose sessions stay in the memory of the web server.
     */
    default Optional<StaffSessionRecords> staffSessionRecords() {
        return Optional.empty();
    }

    /** Published pages (about, contacts, …) for the public site; editors write them with {@link #editorial()}. */
    PageService pages();

    /** The public navigation per language, and the editors' changes to it. */
    NavigationService navigation();

    @Override
    void close();
}
