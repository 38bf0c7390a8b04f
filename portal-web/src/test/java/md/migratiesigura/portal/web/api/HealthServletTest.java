package md.migratiesigura.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import md.migratiesigura.portal.Health;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.account.SecondFactorService;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.PageService;
import md.migratiesigura.portal.navigation.NavigationService;
import md.migratiesigura.portal.article.EditorialListQueries;
import md.migratiesigura.portal.article.EditorialService;
import md.migratiesigura.portal.article.RevisionService;
import md.migratiesigura.portal.article.TranslationQueries;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.consultation.ReferralService;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.event.EventReportSource;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.search.SearchService;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A monitor sees which part is down: the status code and the body name it. */
class HealthServletTest {

    @ParameterizedTest
    @CsvSource({
            "true, true, 200, '{\"status\":\"UP\",\"db\":\"UP\",\"search\":\"UP\"}'",
            "false, true, 503, '{\"status\":\"DOWN\",\"db\":\"DOWN\",\"search\":\"UP\"}'",
            "true, false, 503, '{\"status\":\"DOWN\",\"db\":\"UP\",\"search\":\"DOWN\"}'",
    })
    void healthNamesTheFailingPart(boolean db, boolean search, int status, String body) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HealthServlet(new FixedHealth(new Health(db, search)))), "/health");
        server.setHandler(context);
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + connector.getLocalPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(status, response.statusCode());
            assertEquals(body, response.body());
        } finally {
            server.stop();
        }
    }

    /** Services whose health is fixed; nothing else is used by the servlet. */
    private record FixedHealth(Health health) implements PortalServices {
        @Override
        public md.migratiesigura.portal.search.SearchWordsService searchWords() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.event.EventService events() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventReportSource eventFigures() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArticleService articles() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PageService pages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NavigationService navigation() {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserService users() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SecondFactorService secondFactor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SearchService search() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RiskCheckService riskCheck() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditService audit() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AgencyService agencies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EditorialService editorial() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EditorialListQueries editorialList() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RevisionService revisions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TranslationQueries translations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImageService images() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImportReport contentImport() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.consultation.ConsultationService consultations() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReferralService referrals() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.chat.ChatService chat() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.chat.ChatConsole chatConsole() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.chat.CannedAnswers cannedAnswers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.visits.VisitCounter visitCounter() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.visits.VisitStatistics visitStatistics() {
            throw new UnsupportedOperationException();
        }

        @Override
        public md.migratiesigura.portal.report.ReportService reports() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
