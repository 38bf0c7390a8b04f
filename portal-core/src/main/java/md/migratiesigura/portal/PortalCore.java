package md.migratiesigura.portal;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import md.migratiesigura.portal.account.StaffSessionRecords;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.SecondFactorService;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.article.ArticleImporter;
import md.migratiesigura.portal.article.ArticleSearchSource;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.EditorialListQueries;
import md.migratiesigura.portal.article.EditorialScheduler;
import md.migratiesigura.portal.article.EditorialService;
import md.migratiesigura.portal.article.PageImporter;
import md.migratiesigura.portal.article.PageService;
import md.migratiesigura.portal.article.RevisionService;
import md.migratiesigura.portal.article.ScheduledPublisher;
import md.migratiesigura.portal.article.TranslationQueries;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.chat.CannedAnswers;
import md.migratiesigura.portal.chat.ChatConsole;
import md.migratiesigura.portal.chat.ChatService;
import md.migratiesigura.portal.chat.ChatSweeper;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.common.SealedColumn;
import md.migratiesigura.portal.config.ConfigException;
import md.migratiesigura.portal.config.Directories;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.consultation.ConsultationCipher;
import md.migratiesigura.portal.consultation.ConsultationCounts;
import md.migratiesigura.portal.consultation.ConsultationKeys;
import md.migratiesigura.portal.consultation.ConsultationReportSource;
import md.migratiesigura.portal.consultation.ConsultationRetention;
import md.migratiesigura.portal.consultation.ConsultationService;
import md.migratiesigura.portal.consultation.ReferralService;
import md.migratiesigura.portal.consultation.ReplyMailer;
import md.migratiesigura.portal.consultation.Resealer;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.content.ImportFingerprint;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.event.EventImporter;
import md.migratiesigura.portal.event.EventReportSource;
import md.migratiesigura.portal.event.EventSearchSource;
import md.migratiesigura.portal.event.EventService;
import md.migratiesigura.portal.materials.DownloadCounter;
import md.migratiesigura.portal.materials.MaterialImporter;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.navigation.NavigationPlace;
import md.migratiesigura.portal.navigation.NavigationService;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.persistence.Leases;
import md.migratiesigura.portal.register.RegisterSeedImporter;
import md.migratiesigura.portal.register.RegisterService;
import md.migratiesigura.portal.report.ChatFigures;
import md.migratiesigura.portal.report.EarlierYearService;
import md.migratiesigura.portal.report.ReportSeedImporter;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.report.ReportSources;
import md.migratiesigura.portal.riskcheck.QuestionnaireLoader;
import md.migratiesigura.portal.riskcheck.RiskCheckCounts;
import md.migratiesigura.portal.riskcheck.RiskCheckReportSource;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.search.IndexFeeder;
import md.migratiesigura.portal.storage.BlobStore;
import md.migratiesigura.portal.search.SearchCounter;
import md.migratiesigura.portal.search.SearchIndex;
import md.migratiesigura.portal.search.SearchService;
import md.migratiesigura.portal.search.SearchWordsService;
import md.migratiesigura.portal.storage.BlobStore;
import md.migratiesigura.portal.throttle.DatabaseThrottleStore;
import md.migratiesigura.portal.throttle.ThrottleStore;
import md.migratiesigura.portal.visits.UserAgents;
import md.migratiesigura.portal.visits.VisitCounter;
import md.migratiesigura.portal.visits.VisitStatistics;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root of the core: data directory, database, schema, index, content, services. */
public final class PortalCore implements PortalServices {

    private static final Logger log = LoggerFactory.getLogger(PortalCore.class);

    private final Database database;
    private final SearchIndex index;
    private final ArticleService articles;
    private final UserService users;
    private final SecondFactorService secondFactor;
    private final SearchService search;
    private final IndexFeeder indexFeeder;
    private final SearchCounter searchCounter;
    private final AuditService audit;
    private final AgencyService agencies;
    private final RiskCheckService riskCheck;
    private final ImportReport contentImport;
    private final PageService pages;
    private final NavigationService navigation;
    private final VisitCounter visitCounter;
    private final VisitStatistics visitStatistics;
    private final ReportService reports;
    private final EarlierYearService earlierYears;
    private final EditorialService editorial;
    private final EditorialListQueries editorialList;
    private final RevisionService revisions;
    private final TranslationQueries translations;
    private final ImageService images;
    private final EditorialScheduler scheduler;
    private final EventService events;
    private final EventReportSource eventFigures;
    private final ConsultationService consultations;
    private final ReferralService referrals;
    private final SearchWordsService searchWords;
    private final ReplyMailer replyMailer;
    private final ConsultationRetention consultationRetention;
    private final Resealer resealer;
    private final ThrottleStore throttles;
    private final StaffSessionRecords staffSessionRecords;
    private final RegisterService register;
    private final ChatService chat;
    private final ChatConsole chatConsole;
    private final ChatSweeper chatSweeper;
    private final CannedAnswers cannedAnswers;
    private final MaterialService materials;

    private PortalCore(Database database, SearchIndex index, Clock clock, PortalConfig config,
                       CompletableFuture<UserAgents> userAgents, ImportFingerprint contentState) {
        this.database = database;
        this.index = index;
        SessionFactory sessions = database.sessionFactory();
        // Jobs with an effect on the whole cluster run on one node at a time (docs/operations.md, "Several machines").
        Leases leases = new Leases(database.dataSource());
        MarkdownRenderer markdown = new MarkdownRenderer();
        this.articles = new ArticleService(sessions, clock);
        this.audit = new AuditService(sessions, clock);
        // One key (PORTAL_CONSULTATION_KEY, or generated into the data directory) seals what must be read back.
        ConsultationCipher cipher = new ConsultationCipher(ConsultationKeys.load(config.consultations(), config.dataDir()));
        // Login, consultation and chat limits counted in the database, so that N nodes do not allow N times the tries; the
        // stored keys are HMACs under a secret derived from the consultation key, which the database does not hold.
        this.throttles = new DatabaseThrottleStore(database.dataSource(), clock, cipher.derive("throttle"));
        // Back-office sessions for every node to take over: named and sealed under secrets of their own (V30).
        this.staffSessionRecords = new StaffSessionRecords(database.dataSource(), cipher.derive("staff-session-id"),
                cipher.derive("staff-session-seal"));
        this.users = new UserService(sessions, new PasswordHasher(), PasswordPolicy.standard(), audit, clock);
        this.secondFactor = new SecondFactorService(sessions, audit, clock, cipher.asSecretSealer());
        this.searchCounter = new SearchCounter(sessions, clock);
        this.search = new SearchService(index, searchCounter::count, clock);
        users.ensureAdministrator(config.adminEmail(), config.adminPassword());
        // A restart with unchanged files and database does not read the articles again (docs/operations.md, "Start-up").
        this.contentImport = new ArticleImporter(sessions, markdown, clock).rememberingIn(contentState)
                .importFrom(config.contentDir());
        this.pages = new PageService(sessions, clock);
        this.navigation = new NavigationService(sessions, pages, articles, audit, clock);
        new PageImporter(sessions, markdown, (session, key, language, menu, order) -> NavigationService.addPage(
                session, language, NavigationPlace.valueOf(menu.toUpperCase(Locale.ROOT)), order, key), clock)
                .importFrom(config.contentDir());
        this.visitStatistics = new VisitStatistics(database.dataSource(), clock);
        this.events = new EventService(sessions, markdown, audit, clock);
        new EventImporter(events).importFrom(config.contentDir());
        RiskCheckCounts riskCheckCounts = new RiskCheckCounts(sessions);
        // The hotline register comes before the consultations: closing a consultation records its entry.
        this.register = new RegisterService(sessions, audit,
                Arrays.stream(Topic.values()).map(Topic::code).collect(Collectors.toSet()), clock);
        // Online consultations: sealed texts, replies by e-mail when SMTP is configured, retention.
        this.replyMailer = ReplyMailer.of(config.consultations().mail(), clock);
        this.consultations = new ConsultationService(sessions,
                cipher, replyMailer,
                audit, new PasswordHasher(), config.consultations().retentionDays(), config.consultations().minFillTime(),
                clock, throttles).recordingIn(register);
        this.referrals = new ReferralService(sessions, audit, clock);
        new RegisterSeedImporter(register).importFrom(config.contentDir());
        this.searchWords = new SearchWordsService(sessions, audit, clock, index, config.contentDir().orElse(null)).start();
        // Values sealed with an older key or the former format are sealed again, so that the older key can go.
        List<SealedColumn> sealed = new ArrayList<>(ConsultationService.SEALED);
        sealed.add(SecondFactorService.TOTP_SECRET);
        this.resealer = new Resealer(database.dataSource(), cipher, leases, sealed).start();
        this.consultationRetention = new ConsultationRetention(sessions, audit, config.consultations().retentionDays(),
                clock).start();
        // The live chat: sealed with the same key, deleted after the same retention.
        this.chat = new ChatService(database.dataSource(), cipher, config.chat(), clock, throttles);
        this.chatConsole = new ChatConsole(chat, consultations).recordingIn(register).auditingIn(audit);
        this.cannedAnswers = new CannedAnswers(database.dataSource(), audit);
        this.chatSweeper = new ChatSweeper(chat, chatConsole, config.consultations().retentionDays()).start();
        this.eventFigures = new EventReportSource(sessions);
        ReportSources sources = new ReportSources(eventFigures, new RiskCheckReportSource(riskCheckCounts),
                new ConsultationReportSource(new ConsultationCounts(sessions))).withHotline(register::figures)
                .withChat(year -> ChatFigures.of(year, chat::month));
        this.reports = new ReportService(sessions, visitStatistics, sources, audit, clock);
        new ReportSeedImporter(reports, clock).importFrom(config.contentDir());
        this.earlierYears = new EarlierYearService(sessions, audit, clock);
        this.visitCounter = VisitCounter.standard(database.dataSource(), clock, userAgents.join()).closingUnder(leases)
                .start(VisitCounter.FLUSH_INTERVAL);
        this.editorial = new EditorialService(sessions, markdown, audit, clock);
        this.editorialList = new EditorialListQueries(sessions, clock);
        this.revisions = new RevisionService(sessions, markdown, audit, clock);
        this.translations = new TranslationQueries(sessions);
        // Files in the database (images, materials), so that every node serves the same ones and a dump holds them.
        BlobStore files = new BlobStore(database.dataSource(), clock);
        // Images an older version wrote to this node's disk move into the database now.
        this.images = new ImageService(sessions, audit, files, config.dataDir().resolve("uploads"), clock);
        images.moveFormerFiles();
        this.materials = new MaterialService(sessions, files,
                new DownloadCounter(database.dataSource(), clock).start(DownloadCounter.FLUSH_INTERVAL), audit, clock);
        new MaterialImporter(materials).importFrom(config.contentDir());
        this.indexFeeder = new IndexFeeder(index, sessions, List.of(new ArticleSearchSource(sessions, markdown),
                ArticleSearchSource.pages(sessions, markdown),
                new EventSearchSource(sessions, markdown)), clock).cleaningUnder(leases);
        indexFeeder.start();
        this.scheduler = new EditorialScheduler(new ScheduledPublisher(sessions, audit, clock), leases);
        scheduler.start();
        this.agencies = new AgencyService(sessions, audit, clock);
        QuestionnaireLoader questionnaires = new QuestionnaireLoader();
        this.riskCheck = new RiskCheckService(questionnaires.loadAtStart(config.contentDir()),
                () -> questionnaires.load(config.contentDir()), agencies, riskCheckCounts, clock);
    }

    /**
     * Starts everything the portal needs, in order; a wrong setting throws {@link ConfigException} naming it, after
     * releasing what was already started.
     */
    public static PortalServices start(PortalConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static PortalServices start(PortalConfig config, Clock clock) {
        Directories.requireWritableData(config.dataDir());
        config.contentDir().ifPresent(Directories::requireReadableContent);
        // Independent of the database: the bot patterns are compiled on another core while the database opens.
        CompletableFuture<UserAgents> userAgents = BackgroundThreads.beside("start-user-agents", UserAgents::standard);
        // The search index (and its analyzers' word lists) opens on another core while the database starts.
        CompletableFuture<SearchIndex> opening = BackgroundThreads.beside("start-search-index",
                () -> SearchIndex.open(config.dataDir().resolve("index")));
        // And the articles' files are walked for the import's fingerprint (an unchanged restart reads no file).
        ImportFingerprint contentState = new ImportFingerprint(config.dataDir().resolve("content-import.state"))
                .walkingBeside(config.contentDir());
        Database database;
        try {
            database = Database.open(config);
        } catch (RuntimeException e) {
            BackgroundThreads.release(opening, SearchIndex::close);
            throw e;
        }
        SearchIndex index = null;
        try {
            index = BackgroundThreads.joined(opening);
            // Nodes starting together start one after the other: the first start creates the administrator and
            // imports the content once (docs/operations.md, "Several machines").
            try (Leases.Held startup = Leases.exclusively(database.dataSource(), "portal-startup", Duration.ofMinutes(5))) {
                return new PortalCore(database, index, clock, config, userAgents, contentState);
            }
        } catch (RuntimeException e) {
            if (index != null) {
                index.close();
            }
            database.close();
            throw e;
        }
    }

    @Override
    public MaterialService materials() {
        return materials;
    }

    @Override
    public ArticleService articles() {
        return articles;
    }

    @Override
    public UserService users() {
        return users;
    }

    @Override
    public SecondFactorService secondFactor() {
        return secondFactor;
    }

    @Override
    public SearchService search() {
        return search;
    }

    @Override
    public AuditService audit() {
        return audit;
    }

    @Override
    public RiskCheckService riskCheck() {
        return riskCheck;
    }

    @Override
    public AgencyService agencies() {
        return agencies;
    }

    @Override
    public VisitCounter visitCounter() {
        return visitCounter;
    }

    @Override
    public VisitStatistics visitStatistics() {
        return visitStatistics;
    }

    @Override
    public ReportService reports() {
        return reports;
    }

    @Override
    public EarlierYearService earlierYears() {
        return earlierYears;
    }

    @Override
    public EditorialService editorial() {
        return editorial;
    }

    @Override
    public EditorialListQueries editorialList() {
        return editorialList;
    }

    @Override
    public RevisionService revisions() {
        return revisions;
    }

    @Override
    public TranslationQueries translations() {
        return translations;
    }

    @Override
    public ImageService images() {
        return images;
    }

    @Override
    public EventService events() {
        return events;
    }

    @Override
    public EventReportSource eventFigures() {
        return eventFigures;
    }

    @Override
    public ChatService chat() {
        return chat;
    }

    @Override
    public ChatConsole chatConsole() {
        return chatConsole;
    }

    @Override
    public CannedAnswers cannedAnswers() {
        return cannedAnswers;
    }

    @Override
    public ConsultationService consultations() {
        return consultations;
    }

    @Override
    public ReferralService referrals() {
        return referrals;
    }

    @Override
    public ThrottleStore throttles() {
        return throttles;
    }

    @Override
    public Optional<StaffSessionRecords> staffSessionRecords() {
        return Optional.of(staffSessionRecords);
    }

    @Override
    public RegisterService register() {
        return register;
    }

    @Override
    public SearchWordsService searchWords() {
        return searchWords;
    }

    @Override
    public Health health() {
        return new Health(database.isUp(), index.isUp());
    }

    @Override
    public ImportReport contentImport() {
        return contentImport;
    }

    @Override
    public PageService pages() {
        return pages;
    }

    @Override
    public NavigationService navigation() {
        return navigation;
    }

    @Override
    public void close() {
        log.info("Closing the scheduler, the visit counter, the search index and the database");
        scheduler.close();
        consultationRetention.close();
        chatSweeper.close();
        resealer.close();
        replyMailer.close();
        // Requests have been drained by now: what the counter still holds is written before the database goes.
        visitCounter.close();
        materials.downloads().close();
        indexFeeder.close();
        searchCounter.close();
        searchWords.close();
        index.close();
        database.close();
    }
}
