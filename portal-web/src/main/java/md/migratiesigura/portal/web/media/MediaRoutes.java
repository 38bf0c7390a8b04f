package md.migratiesigura.portal.web.media;

/** Uploaded images, served by {@link MediaServlet}. */
public final class MediaRoutes {

    public static final String PATH = "/media";

    private MediaRoutes() {
    }

    /** What {@link MediaServlet} is mapped to. */
    public static String everything() {
        return PATH + "/*";
    }

    /** An image at the width made for lists and galleries (600 pixels). */
    public static String small(String imageId) {
        return PATH + "/" + imageId + "-600.jpg";
    }
}
