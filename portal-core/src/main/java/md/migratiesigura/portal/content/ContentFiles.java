package md.migratiesigura.portal.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading the content folder, whether it is a folder on disk or the copy bundled in the jar. */
public final class ContentFiles {

    private static final Logger log = LoggerFactory.getLogger(ContentFiles.class);

    private ContentFiles() {
    }

    /** The file's text, strictly UTF-8: another encoding is a {@link ContentException} naming the line. */
    public static String readUtf8(Path file) throws IOException {
        try {
            return Utf8.decode(Files.readAllBytes(file));
        } catch (Utf8.NotUtf8Exception e) {
            throw new ContentException(e.line(), e.getMessage());
        }
    }

    /** The files of a content sub-folder, sorted by name; none when the folder is missing or cannot be read. */
    public static List<Path> filesIn(Path root, String folder) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            log.warn("Content folder {} not readable: {}", folder, e.getMessage());
            return List.of();
        }
    }

    /** Runs the action on the bundled content folder, opening the jar as a file system when it is packed in one. */
    public static <T> T withBundledContent(Function<Path, T> action) {
        URL url = ContentFiles.class.getResource("/content/categories.yml");
        if (url == null) {
            log.warn("No bundled content found on the classpath");
            return action.apply(Path.of("content-missing"));
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    return action.apply(fs.getPath("/content"));
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return action.apply(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled content: " + e.getMessage(), e);
        }
    }
}
