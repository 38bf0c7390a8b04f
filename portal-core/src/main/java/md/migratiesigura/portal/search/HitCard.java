package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a result line shows of a document, kept beside it as one doc value: reading it costs a lookup, where loading
 * stored fields would decompress a block of the index for every hit on the page.
 *
 * @param summary null when the document has none
 */
record HitCard(String type, String key, String lang, String slug, String title, String summary) {

    static BytesRef encode(String type, String key, String lang, String slug, String title, String summary) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        out.writeString(type);
        out.writeString(key);
        out.writeString(lang);
        out.writeString(slug);
        out.writeString(title);
        out.writeByte((byte) (summary == null ? 0 : 1));
        if (summary != null) {
            out.writeString(summary);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static HitCard decode(BytesRef bytes) {
        try {
            ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
            String type = in.readString();
            String key = in.readString();
            String lang = in.readString();
            String slug = in.readString();
            String title = in.readString();
            String summary = in.readByte() == 1 ? in.readString() : null;
            return new HitCard(type, key, lang, slug, title, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
