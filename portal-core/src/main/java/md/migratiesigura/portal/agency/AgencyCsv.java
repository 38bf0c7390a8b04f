package md.migratiesigura.portal.agency;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import md.migratiesigura.portal.agency.AgencyImportPreview.Problem;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.content.Utf8;

/**
 * Reads the official list of licensed agencies from CSV: UTF-8 (a byte-order mark is fine), at most 5 MB, comma-
 * or semicolon-separated (whichever the header uses), quotes as in RFC 4180. The header names the columns, in any
 * order: {@code idno, name, licence_number, valid_until, countries, partners}; other columns are ignored.
 * Several countries or partners in one cell are separated by {@code ;} (or by line breaks inside the quoted cell).
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
        if (bytes.length > MAX_BYTES) {
            return refused(0, AgencyCsvProblem.TOO_LARGE, megabytes(bytes.length));
        }
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.NotUtf8Exception e) {
            return refused(e.line(), AgencyCsvProblem.NOT_UTF8);
        }
        List<Record> records = records(text);
        if (records.isEmpty() || records.get(0).fields().stream().allMatch(String::isBlank)) {
            return refused(1, AgencyCsvProblem.EMPTY_FILE);
        }
        Record header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name)) {
                if (columns.putIfAbsent(name, i) != null) {
                    return refused(1, AgencyCsvProblem.DUPLICATE_COLUMN, name);
                }
            } else if (!name.isEmpty()) {
                ignored.add(header.fields().get(i).strip());
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new Parsed(List.of(), List.of(new Problem(1, AgencyCsvProblem.WRONG_COLUMNS, String.join(", ", missing),
                    String.join(", ", header.fields().stream().map(String::strip).toList()))), ignored);
        }
        List<AgencyRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstLineOfIdno = new HashMap<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.fields().size() != header.fields().size()) {
                problems.add(new Problem(record.line(), AgencyCsvProblem.COLUMN_COUNT,
                        String.valueOf(record.fields().size()), String.valueOf(header.fields().size())));
                continue;
            }
            try {
                AgencyRow row = row(record, columns);
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
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, AgencyCsvProblem.NO_AGENCIES));
        }
        return new Parsed(rows, problems, ignored);
    }

    private static Parsed refused(int line, AgencyCsvProblem code, String... arguments) {
        return new Parsed(List.of(), List.of(new Problem(line, code, arguments)), List.of());
    }

    private static AgencyRow row(Record record, Map<String, Integer> columns) {
        List<String> f = record.fields();
        String idno = f.get(columns.get("idno")).replaceAll("\\s", "");
        if (!idno.matches("\\d{13}")) {
            throw new RowProblem(AgencyCsvProblem.BAD_IDNO, f.get(columns.get("idno")).strip());
        }
        String name = text(f.get(columns.get("name")), "name", MAX_NAME);
        String licence = text(f.get(columns.get("licence_number")), "licence_number", MAX_LICENCE);
        LocalDate validUntil = date(f.get(columns.get("valid_until")).strip());
        Set<String> countries = new LinkedHashSet<>();
        for (String country : split(f.get(columns.get("countries")))) {
            countries.add(Countries.resolve(country).orElseThrow(() ->
                    new RowProblem(AgencyCsvProblem.UNKNOWN_COUNTRY, country)));
        }
        if (countries.isEmpty()) {
            throw new RowProblem(AgencyCsvProblem.NO_COUNTRY);
        }
        List<String> partners = new ArrayList<>();
        for (String partner : split(f.get(columns.get("partners")))) {
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

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** One CSV record and the line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** RFC 4180 records; the separator is whichever of ',' and ';' the header line uses more. */
    static List<Record> records(String text) {
        char separator = separatorOf(text);
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    if (c != '\r') {
                        field.append(c);
                    }
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                line++;
                recordLine = line;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }

    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }
}
