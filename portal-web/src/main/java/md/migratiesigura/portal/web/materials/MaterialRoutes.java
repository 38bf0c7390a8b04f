package md.migratiesigura.portal.web.materials;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.materials.MaterialFile;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/**
 * The materials' addresses: the library in each language, the editors' pages, and the files themselves under
 * {@link #FILES} ({@code /files/materials/{key}/ro.pdf} and its thumbnail {@code /files/materials/{key}/ro-thumbnail.jpg}),
 * served by {@link MaterialFileServlet} outside Wicket.
 */
public final class MaterialRoutes {

    public static final LocalizedPath LIBRARY = new LocalizedPath("/ro/materiale", "/ru/materialy");
    public static final String FILES = "/files/materials";
    public static final String ADMIN = "/admin/materials";
    /** {@link MaterialsEndpoint}, below the API's path. */
    public static final String API = "v1/materials";
    /** The largest request the upload form sends: two files of 20 MB and the texts. */
    public static final long MAX_UPLOAD_REQUEST = 42L * 1024 * 1024;

    private MaterialRoutes() {
    }

    public static void mount(WebApplication application) {
        LIBRARY.mount(application, "", MaterialsPage.class);
        application.mount(new ExactMountedMapper(ADMIN, MaterialsAdminPage.class));
        application.mount(new ExactMountedMapper(ADMIN + "/new", MaterialEditPage.class));
        application.mount(new ExactMountedMapper(ADMIN + "/${key}", MaterialEditPage.class));
    }

    public static String library(Language language) {
        return LIBRARY.in(language);
    }

    /** A file's public address: {@code /files/materials/{key}/ro.pdf}. */
    public static String file(String key, MaterialFile file) {
        return FILES + "/" + key + "/" + file.language().code() + "." + file.kind().extension();
    }

    /** Its thumbnail: {@code /files/materials/{key}/ro-thumbnail.jpg}. */
    public static String thumbnail(String key, MaterialFile file) {
        return FILES + "/" + key + "/" + file.language().code() + "-thumbnail.jpg";
    }

    /** What the servlet is mapped to. */
    public static String everything() {
        return FILES + "/*";
    }

    /** The back-office paths whose requests may carry two 20 MB files. */
    public static List<String> uploadPaths() {
        return List.of(ADMIN + "/");
    }
}
