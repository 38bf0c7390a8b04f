package md.migratiesigura.portal.search;

import java.text.Normalizer;
import md.migratiesigura.portal.common.Language;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * How a {@link SearchDocument} is laid out in the index: its fields, what is stored, the doc values. A change here
 * is a change of {@link #LAYOUT}, so that an index written the old way is rebuilt at start.
 */
final class IndexDocuments {

    /**
     * How the documents are laid out (fields, what is stored, doc values); an index written with another layout is
     * rebuilt at start, like one built by other analyzers.
     */
    static final String LAYOUT = "5";
    /** The doc values of what a hit shows, so that a page of hits reads no stored fields. */
    static final String CARD = "card";
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    private static final FieldType SECONDARY_TEXT = secondaryText();

    private IndexDocuments() {
    }

    static Document toLucene(SearchDocument d) {
        String lang = d.language().code();
        String title = nfc(d.title());
        // The summary answers the question the title asks: it opens the body (no field more to look words up in),
        // so that its words count for the article and a snippet may quote it.
        String body = nfc((d.summary() == null || d.summary().isBlank() ? "" : d.summary() + "\n\n")
                + (d.body() == null ? "" : d.body()));
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.NO));
        doc.add(new StringField("ref", SearchDocument.itemRef(d.type(), d.key()), Field.Store.NO));
        doc.add(new StringField("type", d.type(), Field.Store.NO));
        doc.add(new StringField("lang", lang, Field.Store.NO));
        if (d.category() != null) {
            doc.add(new StringField("category", d.category(), Field.Store.NO));
        }
        doc.add(new BinaryDocValuesField(CARD, HitCard.encode(d.type(), d.key(), lang, d.slug(), title,
                d.summary() == null ? null : nfc(d.summary()))));
        doc.add(new TextField("title_" + lang, title, Field.Store.NO));
        doc.add(new Field("body_" + lang, body, TEXT_WITH_OFFSETS));
        doc.add(new BinaryDocValuesField(SnippetHighlighter.BODY_TEXT, new BytesRef(body)));
        String everything = title + "\n" + body;
        doc.add(new Field("folded_" + lang, everything, SECONDARY_TEXT));
        if (d.language() == Language.RU) {
            doc.add(new Field("translit_ru", everything, SECONDARY_TEXT));
            // The title and summary in Latin letters too, so that a question typed on a Latin keyboard finds the
            // article whose title answers it, as the Cyrillic question does; with its length, like the title: of two
            // articles whose titles both have the words typed, the one with less else around them comes first.
            doc.add(new TextField("translit_title_ru", d.summary() == null ? title : title + "\n" + nfc(d.summary()),
                    Field.Store.NO));
        }
        long visible = d.visibleFrom() == null ? 0 : d.visibleFrom().toEpochMilli();
        doc.add(new LongPoint("visible_from", visible));
        doc.add(new NumericDocValuesField("visible_from", visible));
        return doc;
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Offsets in the postings: the highlighter finds the matched words without analysing the text again. */
    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /**
     * The diacritic-folded and transliterated fields only widen the net under the title and body: length
     * normalisation adds nothing to their small weight, so they keep no norms (one lookup less per word and hit).
     */
    private static FieldType secondaryText() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
