package md.migratiesigura.portal.agency;

/**
 * Why a CSV of the official list, or one of its rows, cannot be imported. The web layer words each code in Romanian
 * and Russian, with the problem's arguments ({@code {0}}, {@code {1}}) filled in. Messages are keyed by these names:
 * never rename one.
 */
public enum AgencyCsvProblem {
    /** The file is larger than 5 MB; {0} its size in MB. */
    TOO_LARGE,
    /** The file is not UTF-8; the problem's line is where the first wrong byte is. */
    NOT_UTF8,
    /** The file has no header line. */
    EMPTY_FILE,
    /** The header names a column twice; {0} the column. */
    DUPLICATE_COLUMN,
    /** The header lacks required columns; {0} the missing ones, {1} the columns found. */
    WRONG_COLUMNS,
    /** A row has another number of cells than the header; {0} the row's count, {1} the header's. */
    COLUMN_COUNT,
    /**
     * A quoted cell is not closed, or text follows its closing quote; the line is where the row starts, and the rows
     * after it are not read.
     */
    UNPAIRED_QUOTE,
    /** The IDNO is not 13 digits; {0} the value. */
    BAD_IDNO,
    /** The IDNO is on an earlier line too; {0} the IDNO, {1} the earlier line. */
    DUPLICATE_IDNO,
    /** A required cell is empty; {0} the column. */
    EMPTY_FIELD,
    /** A cell is too long; {0} the column, {1} the limit in characters. */
    TOO_LONG,
    /** A cell holds an invisible control character; {0} the column. */
    CONTROL_CHARACTER,
    /** valid_until is not a date; {0} the value. */
    BAD_DATE,
    /** A destination country is not recognised; {0} the value. */
    UNKNOWN_COUNTRY,
    /** The countries cell names no country. */
    NO_COUNTRY,
    /** The file has a header but no agency: importing it would empty the registry. */
    NO_AGENCIES
}
