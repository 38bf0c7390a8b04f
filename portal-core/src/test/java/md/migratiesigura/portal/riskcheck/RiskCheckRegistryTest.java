package md.migratiesigura.portal.riskcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.agency.AgencyFixtures;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agency and country a person types are checked against the registry: flags A1, A2 and A4. */
class RiskCheckRegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T09:00:00Z"), ZoneOffset.UTC);
    private static Database emptyRegistry;
    private static Database loadedRegistry;
    private static RiskCheckService withoutRegistry;
    private static RiskCheckService withRegistry;

    @BeforeAll
    static void open(@TempDir Path empty, @TempDir Path loaded) {
        emptyRegistry = Database.open(TestDatabases.newConfig(empty));
        withoutRegistry = RiskCheckServiceTest.newService(emptyRegistry, CLOCK);
        loadedRegistry = Database.open(TestDatabases.newConfig(loaded));
        AgencyFixtures.loadSample(AgencyFixtures.newService(loadedRegistry.sessionFactory(), CLOCK));
        withRegistry = RiskCheckServiceTest.newService(loadedRegistry, CLOCK);
    }

    @AfterAll
    static void close() {
        emptyRegistry.close();
        loadedRegistry.close();
    }

    @Test
    void beforeTheRegistryIsImportedAnAgencyIsNotCalledUnlicensed() {
        RiskCheckResult result = check(withoutRegistry, Language.RO, "Orice Agenție SRL", null);
        assertEquals(List.of(), result.rules());
        assertEquals(List.of("Registrul agențiilor licențiate nu a fost încă încărcat pe portal, așa că nu am putut "
                + "verifica „Orice Agenție SRL”. Sună la Linia Fierbinte și un consultant o va verifica pentru tine."), result.notes());
    }

    @Test
    void anAgencyMissingFromTheRegistryRaisesA1() {
        RiskCheckResult result = check(withRegistry, Language.RU, "Фантом ООО", "Германия");
        assertEquals(Tier.HIGH, result.tier());
        assertEquals(List.of("A1"), result.rules());
        assertEquals(List.of("«Фантом ООО» нет в реестре агентств с лицензией на трудоустройство за рубежом."),
                result.flags().get(0).raisedBy());
    }

    @Test
    void anExpiredLicenceRaisesA4WithItsDate() {
        RiskCheckResult result = check(withRegistry, Language.RO, "tara visurilor", null);
        assertEquals(List.of("A4"), result.rules());
        assertEquals("Licența agenției „Agenția \"Ţara Visurilor\" SRL” a expirat pe 31 ianuarie 2020.",
                result.flags().get(0).raisedBy().get(0));
    }

    @Test
    void aCountryNotOnTheLicenceRaisesA2() {
        RiskCheckResult result = check(withRegistry, Language.RO, AgencyFixtures.VALID_IDNO, "Italia");
        assertEquals(List.of("A2"), result.rules());
        assertEquals("Italia nu este printre țările din licența agenției „„Muncă Cinstită” S.R.L.”.",
                result.flags().get(0).raisedBy().get(0));
    }

    @Test
    void aValidLicenceForTheCountryRaisesNothingAndSaysSo() {
        RiskCheckResult result = check(withRegistry, Language.RU, "Muncă Cinstită SRL", "Израиль");
        assertEquals(List.of(), result.rules());
        assertEquals(Tier.NONE, result.tier());
        assertTrue(result.notes().get(0).contains("есть в реестре лицензированных агентств, лицензия действует до 31 декабря 2099"),
                result.notes().toString());
    }

    @Test
    void anUnrecognisedCountryIsSaidPlainlyInsteadOfGuessed() {
        RiskCheckResult result = check(withRegistry, Language.RO, "Северный Путь", "Atlantida");
        assertEquals(List.of(), result.rules());
        assertTrue(result.notes().get(1).startsWith("Nu am recunoscut țara „Atlantida”"), result.notes().toString());
    }

    @Test
    void registryAndAnswersRaisingTheSameFlagShowItOnceWithBothReasons() {
        RiskCheckResult result = withRegistry.evaluate(Language.RO, Map.of("licence_scope", "country_missing"),
                Optional.of(AgencyFixtures.VALID_NAME), Optional.of("Italia"));
        assertEquals(List.of("A2"), result.rules());
        assertEquals(2, result.flags().get(0).raisedBy().size());
    }

    private static RiskCheckResult check(RiskCheckService service, Language language, String agency, String country) {
        return service.evaluate(language, Map.of(), Optional.ofNullable(agency), Optional.ofNullable(country));
    }
}
