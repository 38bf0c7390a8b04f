package md.migratiesigura.portal.common;

/**
 * Encrypts the small secrets the portal must be able to read back (a staff member's second-factor key), bound to
 * the name of what they are, so that a database dump alone reveals none of them.
 */
public interface SecretSealer {

    /** Keeps secrets as they are: for tests of other things, never for a running portal. */
    SecretSealer NONE = new SecretSealer() {
        @Override
        public byte[] seal(String field, byte[] secret) {
            return secret == null ? null : secret.clone();
        }

        @Override
        public byte[] open(String field, byte[] sealed) {
            return sealed == null ? null : sealed.clone();
        }
    };

    /** The secret encrypted for the named field; null stays null. */
    byte[] seal(String field, byte[] secret);

    /** What {@link #seal} was given for the same field; fails on any other field or any changed byte. */
    byte[] open(String field, byte[] sealed);
}
