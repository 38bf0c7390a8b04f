package md.migratiesigura.portal.content;

/**
 * Rules every stored text obeys, whatever its source: no NUL or other control characters (line breaks and tabs are
 * allowed in bodies), no bidirectional overrides that could disguise a link or a file name, no lone surrogates.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Throws {@link IllegalArgumentException} naming the field when the text breaks a rule. */
    public static void requireCleanText(String field, String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException("'" + field + "' contains a broken character");
                }
                i++;
                continue;
            }
            boolean allowedControl = multiline && (c == '\n' || c == '\r' || c == '\t');
            if ((Character.isISOControl(c) && !allowedControl) || isBidiControl(c)) {
                throw new IllegalArgumentException("'" + field + "' contains an invisible control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
    }

    /**
     * Whether the text could be a key or slug: printable ASCII, no spaces. Keys and slugs are stored in ASCII
     * columns, which MariaDB refuses to compare with other characters; anything else cannot match one anyway.
     */
    public static boolean isPrintableAscii(String text) {
        return text != null && text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
