package md.migratiesigura.portal.article;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.OptimisticLock;

/**
 * A translation group: one article (or page, see {@link ArticleKind}), written in one or both languages, identified
 * by its key.
 */
@Entity
@Table(name = "articles")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId
    @Column(name = "article_key", nullable = false, updatable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private ArticleKind kind = ArticleKind.ARTICLE;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    // Adding a language version is not a change of the article: two editors may add both languages at once.
    @OptimisticLock(excluded = true)
    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ArticleTranslation> translations = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Article() {
    }

    public Article(String key, Category category, Instant now) {
        this.key = key;
        this.category = category;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A page of the given key: undated, without category. */
    public static Article page(String key, Instant now) {
        Article page = new Article(key, null, now);
        page.kind = ArticleKind.PAGE;
        return page;
    }

    public ArticleKind getKind() {
        return kind;
    }

    public boolean isPage() {
        return kind == ArticleKind.PAGE;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public Category getCategory() {
        return category;
    }

    public List<ArticleTranslation> getTranslations() {
        return translations;
    }

    public Optional<ArticleTranslation> translation(Language language) {
        return translations.stream().filter(t -> t.getLanguage() == language).findFirst();
    }

    public void addTranslation(ArticleTranslation translation) {
        translations.add(translation);
    }

    public void setCategory(Category category, Instant now) {
        this.category = category;
        this.updatedAt = now;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
