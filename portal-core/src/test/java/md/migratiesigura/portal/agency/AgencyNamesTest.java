package md.migratiesigura.portal.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import md.migratiesigura.portal.common.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ways people type an agency's name or a country lead to the same agency and the same country. */
class AgencyNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"„Muncă Cinstită” S.R.L.", "MUNCA CINSTITA SRL", "\"Muncă Cinstită\" SRL", "«Munca Cinstita»",
            "muncă cinstită", "Munca  Cinstita S.R.L", "'Muncă Cinstită' SA", "Muncă-Cinstită"})
    void romanianNamesFoldToOneKeyWhateverTheQuotesDiacriticsAndLegalForm(String typed) {
        assertEquals("munca cinstita", AgencyNames.searchKey(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ţara Visurilor", "Țara Visurilor", "Tara Visurilor", "ÎI „Țara Visurilor”", "Î.I. Ţara visurilor"})
    void commaAndCedillaLettersAreTheSameLetter(String typed) {
        assertEquals("tara visurilor", AgencyNames.searchKey(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ООО «Северный Путь»", "Северный путь", "ОOO \"Северный Путь\"", "ооо северный путь",
            "Северный Путь ООО", "«СЕВЕРНЫЙ ПУТЬ»"})
    void russianNamesFoldWithOrWithoutOooTypedInEitherAlphabet(String typed) {
        assertEquals("северныи путь", AgencyNames.searchKey(typed));
    }

    @Test
    void aNameThatIsOnlyALegalFormIsKept() {
        assertEquals("srl", AgencyNames.searchKey("S.R.L."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Germania", "germania", "Германия", "Germany", "DE", "de"})
    void countriesAreRecognisedInEitherLanguageOrByCode(String typed) {
        assertEquals(Optional.of("DE"), Countries.resolve(typed));
    }

    @Test
    void everydayCountryNamesAreRecognisedToo() {
        assertEquals(Optional.of("GB"), Countries.resolve("Marea Britanie"));
        assertEquals(Optional.of("GB"), Countries.resolve("Англия"));
        assertEquals(Optional.of("NL"), Countries.resolve("Olanda"));
        assertEquals(Optional.of("NL"), Countries.resolve("Țările de Jos"));
        assertEquals(Optional.of("IL"), Countries.resolve("Израиль"));
        assertEquals(Optional.empty(), Countries.resolve("Atlantida"));
        assertEquals(Optional.empty(), Countries.resolve("XX"));
    }

    @Test
    void countryNamesAreShownInThePageLanguage() {
        assertEquals("Germania", Countries.name("DE", Language.RO));
        assertEquals("Германия", Countries.name("DE", Language.RU));
    }
}
