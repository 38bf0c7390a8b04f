package md.migratiesigura.portal.web.materials;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.materials.MaterialFile;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.materials.MaterialView;

/**
 * A material's file or thumbnail, read-only, for readers: {@code /files/materials/{key}/{lang}.{pdf|png|jpg}} and
 * {@code /files/materials/{key}/{lang}-thumbnail.jpg}. Only names of that exact form are looked up; a retired
 * material, an unknown key or language and an extension that is not the file's kind are 404. The file is sent one
 * stored chunk at a time, with its own type (checked at upload), as an attachment, never sniffed; its SHA-256 is
 * the ETag, so a repeated request with {@code If-None-Match} gets 304. A full download of a file (not a thumbnail,
 * not a 304, not HEAD) is counted for its month; nothing about the reader is kept.
 */
public class MaterialFileServlet extends HttpServlet {

    private static final Pattern NAME = Pattern.compile("/([a-z0-9]+(?:-[a-z0-9]+)*)/(ro|ru)(-thumbnail\\.jpg|\\.pdf|\\.png|\\.jpg)");
    /** Files can be replaced under the same address: an hour, then a conditional request. */
    private static final String CACHE = "public, max-age=3600";

    private final transient MaterialService materials;

    public MaterialFileServlet(MaterialService materials) {
        this.materials = materials;
    }

    private record Target(MaterialView material, MaterialFile file, boolean thumbnail) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        Optional<Target> target = target(request.getPathInfo());
        if (target.isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MaterialFile file = target.get().file();
        boolean thumbnail = target.get().thumbnail();
        String etag = "\"" + (thumbnail ? file.thumbnailSha256() : file.sha256()) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CACHE);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<InputStream> content = materials.open(thumbnail ? file.thumbnailId() : file.fileId());
        if (content.isEmpty()) {
            // Replaced between the lookup and now: the next request finds the new one.
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = content.get()) {
            if (thumbnail) {
                response.setContentType("image/jpeg");
            } else {
                response.setContentType(file.kind().mediaType());
                response.setHeader("Content-Disposition", "attachment; filename=\"" + target.get().material().key()
                        + "-" + file.language().code() + "." + file.kind().extension() + "\"");
                response.setContentLengthLong(file.bytes());
            }
            if (!body) {
                return;
            }
            in.transferTo(response.getOutputStream());
        }
        if (!thumbnail) {
            materials.countDownload(target.get().material(), file.language());
        }
    }

    private Optional<Target> target(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<MaterialView> material = materials.byKey(m.group(1)).filter(v -> !v.retired());
        Language language = Language.ofCode(m.group(2)).orElseThrow();
        boolean thumbnail = m.group(3).equals("-thumbnail.jpg");
        return material.flatMap(v -> v.file(language)
                .filter(f -> thumbnail || m.group(3).equals("." + f.kind().extension()))
                .map(f -> new Target(v, f, thumbnail)));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
