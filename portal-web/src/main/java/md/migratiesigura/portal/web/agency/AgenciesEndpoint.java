package md.migratiesigura.portal.web.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.agency.AgencyView;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiException;
import md.migratiesigura.portal.web.api.ApiRequest;

/**
 * {@code GET /api/v1/agencies?q=}: licensed agencies whose name (tolerant of diacritics, quotes and legal forms)
 * or IDNO matches. {@code registryEmpty} tells "not licensed" apart from "the list was never imported".
 */
public class AgenciesEndpoint implements ApiEndpoint {

    static final int MAX_ITEMS = 50;

    private final AgencyService agencies;

    public AgenciesEndpoint(AgencyService agencies) {
        this.agencies = agencies;
    }

    @Override
    public Object handle(ApiRequest request) {
        String query = request.parameter("q").orElseThrow(() ->
                ApiException.badRequest("q is required: part of an agency's name, or its IDNO"));
        if (query.length() > AgencyService.MAX_QUERY) {
            throw ApiException.badRequest("q must be at most " + AgencyService.MAX_QUERY + " characters");
        }
        List<Item> items = agencies.search(query, MAX_ITEMS).stream().map(AgenciesEndpoint::item).toList();
        return new Agencies(items, agencies.count() == 0);
    }

    private static Item item(AgencyView a) {
        return new Item(a.idno(), a.name(), a.licenceNumber(), a.validUntil(), a.licenceValid(), a.countries(),
                a.partners(), a.lastVerifiedAt());
    }

    record Agencies(List<Item> items, boolean registryEmpty) {
    }

    record Item(String idno, String name, String licence, LocalDate validUntil, boolean licenceValid,
                List<String> countries, List<String> partners, Instant lastVerified) {
    }
}
