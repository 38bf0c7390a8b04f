package md.migratiesigura.portal.search;

import java.util.List;
import java.util.function.Consumer;

/** Where the index gets the current, public state of items of one type from: the database. */
public interface SearchSource {

    /** The type this source serves, e.g. "article". */
    String type();

    /** The indexable language versions of one item now; empty when it is not public (deleted, draft). */
    List<SearchDocument> documents(String key);

    /** Every indexable document, for a rebuild. */
    void forEach(Consumer<SearchDocument> consumer);
}
