package md.migratiesigura.portal.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: a file saved in another encoding (Windows-1250, ISO-8859-2, Windows-1251) is refused instead of
 * being read as garbled text. A leading byte-order mark, which Excel writes, is dropped.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text of the bytes; throws {@link NotUtf8Exception} naming the line of the first byte that is not UTF-8. */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8Exception(lineOf(bytes, in.position()));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The bytes are not UTF-8; {@link #line()} is where the first wrong byte is. */
    public static final class NotUtf8Exception extends IllegalArgumentException {

        private final int line;

        NotUtf8Exception(int line) {
            super("the file is not valid UTF-8 (first wrong byte on line " + line + ")");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
