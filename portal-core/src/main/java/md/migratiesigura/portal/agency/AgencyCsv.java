package md.migratiesigura.portal.agency;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import md.migratiesigura.portal.agency.AgencyImportPreview.Problem;
import md.migratiesigura.portal.content.CsvTable;
import md.migratiesigura.portal.content.TextRules;

/**
 * Reads the official list of licensed agencies from CSV: UTF-8 (a byte-order mark is fine), at most 5 MB, comma-
 * or semicolon-separated (whichever the header uses), quotes as in RFC 4180. The header names the columns, in any
 * order: {@code idno, name, licence_number, valid_until, countries, partners}; other columns are ignored.
 * Several countries or partners in one cell are separated by {@code ;} (or by line breaks inside the quoted cell).
 * {@link CsvTable} reads the file; this class checks each row's cells.
 */
final class AgencyCsv {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final List<String> COLUMNS = List.of("idno", "name", "licence_number", "valid_until", "countries", "partners");
    static final int MAX_NAME = 300;
    static final int MAX_LICENCE = 100;
    static final int MAX_PARTNER = 300;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MOLDOVAN = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The rows that are well formed, what is wrong with the others, and the header's columns that are not used. */
    record Parsed(List<AgencyRow> rows, List<Problem> problems, List<String> ignoredColumns) {
    }

    /** A row's problem, thrown while reading its cells. */
    private static final class RowProblem extends RuntimeException {

        private final AgencyCsvProblem code;
        private final List<String> arguments;

        RowProblem(AgencyCsvProblem code, String... arguments) {
            super(code.name(), null, false, false);
            this.code = code;
            this.arguments = List.of(arguments);
        }
    }

    private AgencyCsv() {
    }

    static Parsed parse(byte[] bytes) {
        CsvTable table = CsvTable.read(bytes, MAX_BYTES, COLUMNS);
        List<AgencyRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(table.problems().stream().map(AgencyCsv::problem).toList());
        Map<String, Integer> firstLineOfIdno = new HashMap<>();
        for (CsvTable.Row record : table.rows()) {
            try {
                AgencyRow row = row(record);
                Integer first = firstLineOfIdno.putIfAbsent(row.idno(), row.line());
                if (first != null) {
                    problems.add(new Problem(row.line(), AgencyCsvProblem.DUPLICATE_IDNO, row.idno(), String.valueOf(first)));
                } else {
                    rows.add(row);
                }
            } catch (RowProblem e) {
                problems.add(new Problem(record.line(), e.code, e.arguments));
            }
        }
        // The table's problems and the rows' are each in file order: merged, the editor reads them top to bottom.
        problems.sort(Comparator.comparingInt(Problem::line));
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, AgencyCsvProblem.NO_AGENCIES));
        }
        return new Parsed(rows, problems, table.ignoredColumns());
    }

    private static Problem problem(CsvTable.Problem problem) {
        AgencyCsvProblem code = switch (problem.reason()) {
            case TOO_LARGE -> AgencyCsvProblem.TOO_LARGE;
            case NOT_UTF8 -> AgencyCsvProblem.NOT_UTF8;
            case EMPTY_FILE -> AgencyCsvProblem.EMPTY_FILE;
            case DUPLICATE_COLUMN -> AgencyCsvProblem.DUPLICATE_COLUMN;
            case WRONG_COLUMNS -> AgencyCsvProblem.WRONG_COLUMNS;
            case COLUMN_COUNT -> AgencyCsvProblem.COLUMN_COUNT;
            case UNPAIRED_QUOTE -> AgencyCsvProblem.UNPAIRED_QUOTE;
        };
        return new Problem(problem.line(), code, problem.arguments());
    }

    private static AgencyRow row(CsvTable.Row record) {
        String idno = record.get("idno").replaceAll("\\s", "");
        if (!idno.matches("\\d{13}")) {
            throw new RowProblem(AgencyCsvProblem.BAD_IDNO, record.get("idno").strip());
        }
        String name = text(record.get("name"), "name", MAX_NAME);
        String licence = text(record.get("licence_number"), "licence_number", MAX_LICENCE);
        LocalDate validUntil = date(record.get("valid_until").strip());
        Set<String> countries = new LinkedHashSet<>();
        for (String country : split(record.get("countries"))) {
            countries.add(Countries.resolve(country).orElseThrow(() ->
                    new RowProblem(AgencyCsvProblem.UNKNOWN_COUNTRY, country)));
        }
        if (countries.isEmpty()) {
            throw new RowProblem(AgencyCsvProblem.NO_COUNTRY);
        }
        List<String> partners = new ArrayList<>();
        for (String partner : split(record.get("partners"))) {
            partners.add(text(partner, "partners", MAX_PARTNER));
        }
        return new AgencyRow(record.line(), idno, name, licence, validUntil, List.copyOf(countries), partners);
    }

    private static String text(String raw, String column, int max) {
        String value = raw.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            throw new RowProblem(AgencyCsvProblem.EMPTY_FIELD, column);
        }
        if (value.length() > max) {
            throw new RowProblem(AgencyCsvProblem.TOO_LONG, column, String.valueOf(max));
        }
        try {
            TextRules.requireCleanText(column, value, false);
        } catch (IllegalArgumentException e) {
            throw new RowProblem(AgencyCsvProblem.CONTROL_CHARACTER, column);
        }
        return value;
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : List.of(ISO, MOLDOVAN)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new RowProblem(AgencyCsvProblem.BAD_DATE, text);
    }

    private static List<String> split(String cell) {
        List<String> values = new ArrayList<>();
        for (String value : cell.split("[;\\n]")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }
}
