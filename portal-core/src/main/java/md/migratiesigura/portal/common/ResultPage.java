package md.migratiesigura.portal.common;

import java.io.Serializable;
import java.util.List;

/** One page of a longer list: the items, where they stand, and how many there are in all. */
public record ResultPage<T extends Serializable>(long total, int page, int size, List<T> items) implements Serializable {

    public ResultPage {
        items = List.copyOf(items);
    }

    public long pageCount() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
