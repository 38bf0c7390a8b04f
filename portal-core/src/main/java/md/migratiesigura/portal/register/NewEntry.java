package md.migratiesigura.portal.register;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a counsellor records of one contact. Only categories: there is deliberately no field for a name, a phone
 * number, an address or any free text.
 *
 * @param serviceId    the referral service (see the consultations' referral list), only for the kind referral; may be null
 * @param caseType     null when the contact was not a case (then persons is 0 and the other details are empty)
 * @param persons      persons the case concerns; 0 for a further contact about a case already counted
 * @param citizenship  ISO 3166 alpha-2 code of the persons' citizenship ({@code MD} for Moldovans), or null
 * @param country      ISO 3166 alpha-2 code of the country where it happened, or null
 * @param exploitation the forms of exploitation, possibly none
 */
public record NewEntry(LocalDate date, EntryChannel channel, EntryKind kind, Long serviceId, CaseType caseType,
                       int persons, String citizenship, String country, Set<Exploitation> exploitation)
        implements Serializable {

    /** The day the hotline began (the factsheet: 1 September 2001): nothing is recorded before it. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2001, 9, 1);
    public static final int MAX_PERSONS = 50;
    public static final String MOLDOVA = "MD";

    public NewEntry {
        exploitation = exploitation == null || exploitation.isEmpty() ? EnumSet.noneOf(Exploitation.class)
                : EnumSet.copyOf(exploitation);
        citizenship = blankToNull(citizenship);
        country = blankToNull(country);
    }

    /** A contact that was not a case: prevention, the Moldova-Israel programme, or a referral without a case. */
    public static NewEntry simple(LocalDate date, EntryChannel channel, EntryKind kind) {
        return new NewEntry(date, channel, kind, null, null, 0, null, null, Set.of());
    }

    /**
     * Checks the entry's own rules; throws {@link RegisterException} with the first problem.
     *
     * @param today today in Chisinau: an entry is never dated later
     */
    public void check(LocalDate today) {
        if (date == null) {
            throw new RegisterException(RegisterProblem.MISSING_VALUE, "date");
        }
        if (date.isAfter(today) || date.isBefore(FIRST_DAY)) {
            throw new RegisterException(RegisterProblem.DATE_OUT_OF_RANGE, date.toString());
        }
        if (channel == null) {
            throw new RegisterException(RegisterProblem.MISSING_VALUE, "channel");
        }
        if (kind == null) {
            throw new RegisterException(RegisterProblem.MISSING_VALUE, "kind");
        }
        if (serviceId != null && kind != EntryKind.REFERRAL) {
            throw new RegisterException(RegisterProblem.SERVICE_WITHOUT_REFERRAL);
        }
        if (caseType == null) {
            if (persons != 0 || citizenship != null || country != null || !exploitation.isEmpty()) {
                throw new RegisterException(RegisterProblem.DETAILS_WITHOUT_CASE);
            }
            return;
        }
        if (kind != EntryKind.SOS && kind != EntryKind.REFERRAL) {
            throw new RegisterException(RegisterProblem.CASE_NOT_ALLOWED, kind.code());
        }
        if (persons < 0 || persons > MAX_PERSONS) {
            throw new RegisterException(RegisterProblem.BAD_PERSONS, String.valueOf(persons));
        }
        if (citizenship != null && !isCountry(citizenship)) {
            throw new RegisterException(RegisterProblem.BAD_CITIZENSHIP, citizenship);
        }
        if (country != null && !isCountry(country)) {
            throw new RegisterException(RegisterProblem.BAD_COUNTRY, country);
        }
        if (caseType == CaseType.PRESUMED_VICTIM && (citizenship == null || country == null)) {
            throw new RegisterException(RegisterProblem.VICTIM_NEEDS_PLACE);
        }
    }

    /** The forms of exploitation as stored and exported: codes joined by {@code ;}, in a fixed order; null for none. */
    public String exploitationCodes() {
        return Exploitations.join(exploitation);
    }

    static boolean isCountry(String code) {
        return code.length() == 2 && Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(code);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
