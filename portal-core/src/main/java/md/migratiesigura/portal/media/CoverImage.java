package md.migratiesigura.portal.media;

import java.io.Serializable;

/**
 * An uploaded image, re-encoded as JPEG: {@code width}×{@code height} (at most 1200 wide) and a second file
 * {@code smallWidth}×{@code smallHeight} (at most 600 wide) for small screens.
 */
public record CoverImage(String id, int width, int height, int smallWidth, int smallHeight) implements Serializable {

    /** The address of the large file, from the site's root. */
    public String path() {
        return "/media/" + id + ".jpg";
    }

    /** The address of the small file, from the site's root. */
    public String smallPath() {
        return "/media/" + id + "-600.jpg";
    }
}
