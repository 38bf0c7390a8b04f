package md.migratiesigura.portal.agency;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A licensed agency as the public sees it.
 *
 * @param countries      destination countries on the licence, ISO 3166 alpha-2 codes
 * @param partners       foreign partners on the licence
 * @param licenceValid   whether the licence is valid today (Europe/Chisinau)
 * @param lastVerifiedAt when an imported official list last confirmed this entry
 */
public record AgencyView(String idno, String name, String licenceNumber, LocalDate validUntil, List<String> countries,
                         List<String> partners, boolean licenceValid, Instant lastVerifiedAt) implements Serializable {

    public AgencyView {
        countries = List.copyOf(countries);
        partners = List.copyOf(partners);
    }

    public boolean covers(String countryCode) {
        return countries.contains(countryCode);
    }
}
