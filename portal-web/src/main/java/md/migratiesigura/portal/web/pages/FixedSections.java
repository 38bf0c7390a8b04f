package md.migratiesigura.portal.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.agency.AgenciesPage;
import md.migratiesigura.portal.web.chat.ChatPage;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.consultation.ConsultationPage;
import md.migratiesigura.portal.web.event.EventsPage;
import md.migratiesigura.portal.web.home.HomePage;
import md.migratiesigura.portal.web.materials.MaterialsPage;
import md.migratiesigura.portal.web.report.RetrospectivePage;
import md.migratiesigura.portal.web.riskcheck.RiskCheckPage;
import md.migratiesigura.portal.web.search.SearchPage;
import org.apache.wicket.Page;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * The fixed sections a navigation entry may point at ({@code NavigationService.FIXED_SECTIONS}) that this portal
 * serves, each with the page it opens; named by {@code nav.fixed.<key>} in this package's properties. A section not
 * listed here stays out of the public navigation until its feature adds itself with one line below.
 */
public final class FixedSections {

    private record Section(Class<? extends Page> page, String fragment) {
    }

    private static final Map<String, Section> SERVED = new LinkedHashMap<>();

    static {
        SERVED.put("topics", new Section(HomePage.class, "#topics-heading"));
        SERVED.put("risk-check", new Section(RiskCheckPage.class, ""));
        SERVED.put("consultation", new Section(ConsultationPage.class, ""));
        SERVED.put("events", new Section(EventsPage.class, ""));
        SERVED.put("agencies", new Section(AgenciesPage.class, ""));
        SERVED.put("search", new Section(SearchPage.class, ""));
        SERVED.put("report", new Section(RetrospectivePage.class, ""));
        SERVED.put("chat", new Section(ChatPage.class, ""));
        SERVED.put("materials", new Section(MaterialsPage.class, ""));
    }

    private FixedSections() {
    }

    /** Whether the portal serves this section now. */
    public static boolean isServed(String key) {
        return SERVED.containsKey(key);
    }

    /** The section's absolute path in a language ({@code /ro/verifica-oferta}), when the portal serves it. */
    public static Optional<String> path(Language language, String key) {
        Section section = SERVED.get(key);
        if (section == null) {
            return Optional.empty();
        }
        return Optional.of("/" + RequestCycle.get().mapUrlFor(section.page(), BasePage.parametersIn(language))
                + section.fragment());
    }
}
