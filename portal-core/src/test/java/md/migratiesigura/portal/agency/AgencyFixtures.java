package md.migratiesigura.portal.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import md.migratiesigura.portal.audit.AuditService;
import org.hibernate.SessionFactory;

/**
 * The invented agencies the tests use (src/test/resources/agencies/sample-registry.csv): one valid for Germany and
 * Israel, one valid for Poland and Czechia, one whose licence expired on 31 January 2020.
 */
public final class AgencyFixtures {

    public static final String VALID_IDNO = "1003600012345";
    public static final String VALID_NAME = "„Muncă Cinstită” S.R.L.";
    public static final String RUSSIAN_IDNO = "1003600054321";
    public static final String RUSSIAN_NAME = "ООО «Северный Путь»";
    public static final String EXPIRED_IDNO = "1003600099999";
    public static final String EXPIRED_NAME = "Agenția \"Ţara Visurilor\" SRL";

    private AgencyFixtures() {
    }

    public static byte[] sampleCsv() {
        try (InputStream in = AgencyFixtures.class.getResourceAsStream("/agencies/sample-registry.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registry service on a test database, auditing to it as the portal does. */
    public static AgencyService newService(SessionFactory sessionFactory, Clock clock) {
        return new AgencyService(sessionFactory, new AuditService(sessionFactory, clock), clock);
    }

    /** Makes the registry the sample list (idempotent). */
    public static void loadSample(AgencyService agencies) {
        agencies.apply(agencies.preview(sampleCsv()), null);
    }
}
