package md.migratiesigura.portal.register;

/**
 * Why an entry, a correction or a line of an imported CSV is refused. The web layer words each code in Romanian and
 * Russian with the arguments ({@code {0}}, {@code {1}}) filled in. Messages are keyed by these names: never rename.
 */
public enum RegisterProblem {
    /** The file is larger than allowed; {0} its size in MB. */
    TOO_LARGE,
    /** The file is not UTF-8. */
    NOT_UTF8,
    /** The file has no header line. */
    EMPTY_FILE,
    /** The header names a column twice; {0} the column. */
    DUPLICATE_COLUMN,
    /** The header lacks required columns; {0} the missing ones, {1} the columns found. */
    WRONG_COLUMNS,
    /** A row has another number of cells than the header; {0} the row's count, {1} the header's. */
    COLUMN_COUNT,
    /** A quoted cell is not closed; the rows after it are not read. */
    UNPAIRED_QUOTE,
    /** The file has a header but no entry. */
    NO_ENTRIES,
    /** The date is not a date (YYYY-MM-DD or DD.MM.YYYY); {0} the value. */
    BAD_DATE,
    /** The date is in the future or before the hotline began (1 September 2001); {0} the date. */
    DATE_OUT_OF_RANGE,
    /** The file holds more than one year; {0} the first year, {1} the other. */
    MIXED_YEARS,
    /** The year already has register entries: an import never adds to them; {0} the year. */
    YEAR_HAS_ENTRIES,
    /** Unknown channel; {0} the value. */
    BAD_CHANNEL,
    /** Unknown kind; {0} the value. */
    BAD_KIND,
    /** The service is not one of the referral services; {0} the value. */
    UNKNOWN_SERVICE,
    /** A service is named for a kind other than referral. */
    SERVICE_WITHOUT_REFERRAL,
    /** Unknown case type; {0} the value. */
    BAD_CASE,
    /** A case is given for a kind other than SOS or referral; {0} the kind. */
    CASE_NOT_ALLOWED,
    /** Persons, citizenship, country or exploitation are given without a case. */
    DETAILS_WITHOUT_CASE,
    /** The number of persons is not a whole number from 0 to 50; {0} the value. */
    BAD_PERSONS,
    /** The citizenship is not a country; {0} the value. */
    BAD_CITIZENSHIP,
    /** The country is not a country; {0} the value. */
    BAD_COUNTRY,
    /** A presumed victim's case needs the citizenship and the country where it happened. */
    VICTIM_NEEDS_PLACE,
    /** Unknown form of exploitation; {0} the value. */
    BAD_EXPLOITATION,
    /** A required value is missing; {0} the column or field. */
    MISSING_VALUE
}
