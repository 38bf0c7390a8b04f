package md.migratiesigura.portal.web.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import md.migratiesigura.portal.materials.MaterialFile;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.ContentDisposition;

/**
 * A material's file for the back office, retired or not: the page that links to it is open to trainers, editors
 * and administrators only. Not counted: the count is of readers' downloads.
 */
final class StaffFileResource extends AbstractResource {

    private final String key;
    private final MaterialFile file;

    StaffFileResource(String key, MaterialFile file) {
        this.key = key;
        this.file = file;
    }

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        ResourceResponse response = new ResourceResponse();
        response.disableCaching();
        Optional<InputStream> content = PortalApplication.get().materials().open(file.fileId());
        if (content.isEmpty()) {
            response.setError(404);
            return response;
        }
        response.setContentType(file.kind().mediaType());
        response.setContentLength(file.bytes());
        response.setContentDisposition(ContentDisposition.ATTACHMENT);
        response.setFileName(key + "-" + file.language().code() + "." + file.kind().extension());
        response.getHeaders().addHeader("X-Content-Type-Options", "nosniff");
        response.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes a) {
                try (InputStream in = content.get()) {
                    in.transferTo(a.getResponse().getOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return response;
    }
}
