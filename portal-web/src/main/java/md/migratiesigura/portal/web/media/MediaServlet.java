package md.migratiesigura.portal.web.media;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import md.migratiesigura.portal.media.ImageService;

/**
 * Uploaded images, read-only, under {@code /media/{id}.jpg} and {@code /media/{id}-600.jpg}. A name is looked up
 * only when it matches the exact pattern the image service makes (32 hex digits), so no path can leave the uploads
 * folder. Files never change once written (new upload, new name), hence the year-long cache.
 */
public class MediaServlet extends HttpServlet {

    private final transient ImageService images;

    public MediaServlet(ImageService images) {
        this.images = images;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<Path> file = path == null || path.length() < 2 ? Optional.empty() : images.file(path.substring(1));
        if (file.isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setContentLengthLong(Files.size(file.get()));
        Files.copy(file.get(), response.getOutputStream());
    }
}
