package md.migratiesigura.portal.common;

import java.nio.charset.StandardCharsets;

/**
 * A database column whose values are sealed (encrypted and authenticated with AES-GCM), and through {@link #row}
 * the cell of one row in it. A value is sealed for its cell: the table, the row's id and the column are its
 * associated data, so a value copied to another row, column or table no longer opens.
 *
 * @param table       the table, as in the migrations
 * @param column      the column, as in the migrations
 * @param formerField what values sealed before they were bound to their row were bound to (the field's name
 *                    alone), so that those still open until they are sealed again
 */
public record SealedColumn(String table, String column, String formerField) {

    public SealedColumn {
        // The names go into SQL (the re-sealing job) and into the associated data: plain identifiers only.
        if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+") || formerField.isEmpty()) {
            throw new IllegalArgumentException("a sealed column is named by plain identifiers");
        }
    }

    /** The cell of this column in the row with the given id. */
    public Cell row(long id) {
        return new Cell(this, id);
    }

    /** Where one sealed value belongs: a column of one row. */
    public record Cell(SealedColumn column, long rowId) {

        /** The associated data of a value sealed for this cell. */
        public byte[] associatedData() {
            return (column.table() + "/" + rowId + "/" + column.column()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return column.table() + " #" + rowId + " " + column.column();
        }
    }
}
