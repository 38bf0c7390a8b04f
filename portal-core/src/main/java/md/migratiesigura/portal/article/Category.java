package md.migratiesigura.portal.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import md.migratiesigura.portal.common.Language;
import org.hibernate.annotations.NaturalId;

@Entity
@Table(name = "categories")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId
    @Column(name = "category_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "name_ro", nullable = false)
    private String nameRo;

    @Column(name = "name_ru", nullable = false)
    private String nameRu;

    @Column(nullable = false)
    private int position;

    @Version
    private int version;

    protected Category() {
    }

    public Category(String key, String nameRo, String nameRu, int position) {
        this.key = key;
        this.nameRo = nameRo;
        this.nameRu = nameRu;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String name(Language language) {
        return language == Language.RO ? nameRo : nameRu;
    }

    public int getPosition() {
        return position;
    }
}
