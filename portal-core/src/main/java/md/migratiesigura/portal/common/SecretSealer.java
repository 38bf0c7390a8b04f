package md.migratiesigura.portal.common;

/**
 * Encrypts the small secrets the portal must be able to read back (a staff member's second-factor key), bound to
 * the cell they are stored in (table, row, column), so that a database dump alone reveals none of them and a secret
 * copied to another account's row does not open there.
 */
public interface SecretSealer {

    /** Keeps secrets as they are: for tests of other things, never for a running portal. */
    SecretSealer NONE = new SecretSealer() {
        @Override
        public byte[] seal(SealedColumn.Cell cell, byte[] secret) {
            return secret == null ? null : secret.clone();
        }

        @Override
        public byte[] open(SealedColumn.Cell cell, byte[] sealed) {
            return sealed == null ? null : sealed.clone();
        }
    };

    /** The secret encrypted for the given cell; null stays null. */
    byte[] seal(SealedColumn.Cell cell, byte[] secret);

    /**
     * What {@link #seal} was given for the same cell.
     *
     * @throws IllegalStateException for any other cell or any changed byte
     */
    byte[] open(SealedColumn.Cell cell, byte[] sealed);
}
