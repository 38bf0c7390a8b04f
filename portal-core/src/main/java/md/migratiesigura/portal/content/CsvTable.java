package md.migratiesigura.portal.content;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file that staff upload, read into rows that keep the line they start on. The file is UTF-8 (a byte-order
 * mark is fine; any other encoding is refused), no larger than the importer allows, comma- or semicolon-separated
 * (whichever the header line uses more: Excel writes one or the other by the computer's regional settings), quoted as
 * in RFC 4180, and its header line names the required columns in any order; other columns are left aside. Commons
 * CSV splits the records; this class adds what the person who uploaded the file is told, by line.
 *
 * @param rows           the rows with as many cells as the header, in file order; blank rows are left out
 * @param problems       what keeps the file, or a line of it, from being read, in file order
 * @param ignoredColumns the header's columns that are not required, as the header spells them
 */
public record CsvTable(List<Row> rows, List<Problem> problems, List<String> ignoredColumns) {

    /** Why a file, or a line of it, cannot be read; an importer words each for people. */
    public enum Reason {
        /** The file is larger than allowed; {0} its size in MB, one decimal. */
        TOO_LARGE,
        /** The file is not UTF-8; the line is where the first wrong byte is. */
        NOT_UTF8,
        /** The file has no header line. */
        EMPTY_FILE,
        /** The header names a column twice; {0} the column. */
        DUPLICATE_COLUMN,
        /** The header lacks required columns; {0} the missing ones, {1} the columns found, comma-separated. */
        WRONG_COLUMNS,
        /** A row has another number of cells than the header; {0} the row's count, {1} the header's. */
        COLUMN_COUNT,
        /**
         * A quoted cell is not closed, or text follows its closing quote (a quote inside a quoted cell that was not
         * doubled); the line is where the row starts, and nothing after it is read.
         */
        UNPAIRED_QUOTE
    }

    /** What is wrong on a line (0 for the file as a whole), with the values the reason names. */
    public record Problem(int line, Reason reason, List<String> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        Problem(int line, Reason reason, String... arguments) {
            this(line, reason, List.of(arguments));
        }
    }

    /**
     * A row: the line it starts on and its cells by required column. A line break inside a quoted cell is
     * {@code \n}, whichever line ends the file uses.
     */
    public record Row(int line, Map<String, String> cells) {

        public Row {
            cells = Map.copyOf(cells);
        }

        /** The cell of a required column. */
        public String get(String column) {
            String cell = cells.get(column);
            if (cell == null) {
                throw new IllegalArgumentException("'" + column + "' is not a required column");
            }
            return cell;
        }
    }

    public CsvTable {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /**
     * Reads the bytes of an uploaded file whose header must name {@code columns} (lower case; the header may use
     * any case). A file that is too large, not UTF-8 or whose header is wrong has no rows and that one problem.
     */
    public static CsvTable read(byte[] bytes, int maxBytes, List<String> columns) {
        if (bytes.length > maxBytes) {
            return refused(0, Reason.TOO_LARGE, String.format(Locale.ROOT, "%.1f", bytes.length / (1024.0 * 1024.0)));
        }
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.NotUtf8Exception e) {
            return refused(e.line(), Reason.NOT_UTF8);
        }
        // Leading and trailing spaces around a cell are dropped, so that a quote after ", " still opens a quoted
        // cell; empty lines stay records, so that a file whose first line is empty is told it has no header.
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiterOf(text))
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            return read(new Records(parser), columns);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be read", e);
        }
    }

    private static CsvTable read(Records records, List<String> columns) {
        Record header = records.next();
        if (header == null || header.isBlank()) {
            return refused(1, records.unpaired() ? Reason.UNPAIRED_QUOTE : Reason.EMPTY_FILE);
        }
        Map<String, Integer> indexes = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            if (columns.contains(name)) {
                if (indexes.putIfAbsent(name, i) != null) {
                    return refused(1, Reason.DUPLICATE_COLUMN, name);
                }
            } else if (!name.isEmpty()) {
                ignored.add(header.cells().get(i).strip());
            }
        }
        List<String> missing = columns.stream().filter(c -> !indexes.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new CsvTable(List.of(), List.of(new Problem(1, Reason.WRONG_COLUMNS, String.join(", ", missing),
                    String.join(", ", header.cells().stream().map(String::strip).toList()))), ignored);
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Record record;
        while ((record = records.next()) != null) {
            if (record.isBlank()) {
                continue;
            }
            if (record.cells().size() != header.cells().size()) {
                problems.add(new Problem(record.line(), Reason.COLUMN_COUNT,
                        String.valueOf(record.cells().size()), String.valueOf(header.cells().size())));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (Map.Entry<String, Integer> column : indexes.entrySet()) {
                cells.put(column.getKey(), record.cells().get(column.getValue()));
            }
            rows.add(new Row(record.line(), cells));
        }
        if (records.unpaired()) {
            problems.add(new Problem(records.line(), Reason.UNPAIRED_QUOTE));
        }
        return new CsvTable(rows, problems, ignored);
    }

    private static CsvTable refused(int line, Reason reason, String... arguments) {
        return new CsvTable(List.of(), List.of(new Problem(line, reason, arguments)), List.of());
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    /** A record's cells and the line it starts on. */
    private record Record(int line, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The parser's records with the line each starts on, until the end of the file or a quote that is not paired:
     * Commons CSV cannot go on after one, and whatever it read past it would be guesswork.
     */
    private static final class Records {

        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private boolean unpaired;
        private int line;

        Records(CSVParser parser) {
            this.parser = parser;
            this.iterator = parser.iterator();
        }

        /** The next record, or null at the end or at a quote that is not paired. */
        Record next() {
            if (unpaired) {
                return null;
            }
            // Between records the parser has read up to the end of the line before the next one.
            line = (int) parser.getCurrentLineNumber() + 1;
            try {
                if (!iterator.hasNext()) {
                    return null;
                }
            } catch (UncheckedIOException e) {
                unpaired = true;
                return null;
            }
            List<String> cells = iterator.next().stream().map(Records::lineBreaks).toList();
            return new Record(line, cells);
        }

        /** Whether reading stopped at a quote that is not paired, on the line {@link #line()}. */
        boolean unpaired() {
            return unpaired;
        }

        /** The line the last record read, or the unpaired quote's record, starts on. */
        int line() {
            return line;
        }

        private static String lineBreaks(String cell) {
            return cell.indexOf('\r') < 0 ? cell : cell.replace("\r\n", "\n").replace('\r', '\n');
        }
    }
}
