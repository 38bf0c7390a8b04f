package md.migratiesigura.portal.web.media;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.storage.StoredFile;

/**
 * Uploaded images, read-only, under {@code /media/{id}.jpg} and {@code /media/{id}-600.jpg}. A name is looked up
 * only when it matches the exact pattern the image service makes (32 hex digits); the bytes come from the
 * database's file store, the same on every node. Files never change once written (new upload, new name), hence the
 * year-long cache.
 */
public class MediaServlet extends HttpServlet {

    private final transient ImageService images;

    public MediaServlet(ImageService images) {
        this.images = images;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<StoredFile> file = path == null || path.length() < 2 ? Optional.empty() : images.file(path.substring(1));
        if (file.isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(ImageService.MEDIA_TYPE);
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setContentLengthLong(file.get().size());
        images.copyTo(file.get(), response.getOutputStream());
    }
}
