package md.migratiesigura.portal.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * An uploaded image, re-encoded as JPEG in two widths kept in the database's file store, named by its random id. The row keeps the sizes, so pages can give the browser width and height before it loads.
 */
@Entity
@Immutable
@Table(name = "media_images")
public class MediaImage {

    @Id
    @Column(columnDefinition = "char(32)")
    private String id;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "small_width", nullable = false)
    private int smallWidth;

    @Column(name = "small_height", nullable = false)
    private int smallHeight;

    @Column(name = "uploaded_by_email")
    private String uploadedByEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The 1200-pixel copy in the file store; null while an image uploaded before V34 is still on a node's disk. */
    @Column(name = "large_file")
    private Long largeFile;

    /** The 600-pixel copy in the file store. */
    @Column(name = "small_file")
    private Long smallFile;

    protected MediaImage() {
    }

    public MediaImage(String id, int width, int height, int smallWidth, int smallHeight, String uploadedByEmail,
                      Instant createdAt, long largeFile, long smallFile) {
        this.largeFile = largeFile;
        this.smallFile = smallFile;
        this.id = id;
        this.width = width;
        this.height = height;
        this.smallWidth = smallWidth;
        this.smallHeight = smallHeight;
        this.uploadedByEmail = uploadedByEmail;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public int getSmallWidth() {
        return smallWidth;
    }

    public int getSmallHeight() {
        return smallHeight;
    }

    public Long getLargeFile() {
        return largeFile;
    }

    public Long getSmallFile() {
        return smallFile;
    }
}
