package md.migratiesigura.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a content folder (categories.yml and articles/KEY/LANG.md) the way editors lay it out, for import tests. */
public final class ContentFolder {

    /** Two categories, the way the real categories.yml writes them. */
    public static final String CATEGORIES = """
            - key: munca
              ro: Muncă în străinătate
              ru: Работа за рубежом
            - key: documente
              ro: Documente și călătorii
              ru: Документы и поездки
            """;

    private final Path root;

    private ContentFolder(Path root) {
        this.root = root;
    }

    /** A folder at {@code root} holding the standard categories. */
    public static ContentFolder at(Path root) {
        return new ContentFolder(root).file("categories.yml", CATEGORIES);
    }

    public Path root() {
        return root;
    }

    /** Writes {@code articles/KEY/LANG.md} as front matter lines between {@code ---} lines, then the body. */
    public ContentFolder article(String key, String language, String frontMatter, String body) {
        return file("articles/" + key + "/" + language + ".md", "---\n" + frontMatter + "---\n" + body);
    }

    /** Writes a file with exactly this UTF-8 text. */
    public ContentFolder file(String relativePath, String text) {
        return bytes(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public ContentFolder bytes(String relativePath, byte[] content) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
