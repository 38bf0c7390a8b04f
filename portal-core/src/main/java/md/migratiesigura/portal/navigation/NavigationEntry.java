package md.migratiesigura.portal.navigation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.LanguageConverter;

/** One stored navigation entry. A language's list is replaced whole, so entries are written once and never changed. */
@Entity
@Table(name = "navigation_entries")
public class NavigationEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = LanguageConverter.class)
    @Column(name = "lang", nullable = false, updatable = false, columnDefinition = "char(2)")
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NavigationPlace place;

    @Column(nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false, updatable = false)
    private NavigationTarget targetKind;

    @Column(nullable = false, updatable = false)
    private String target;

    @Column(updatable = false)
    private String label;

    protected NavigationEntry() {
    }

    public NavigationEntry(Language language, int position, NavigationItem item) {
        this.language = language;
        this.position = position;
        this.place = item.place();
        this.targetKind = item.targetKind();
        this.target = item.target();
        this.label = item.label();
    }

    public Language getLanguage() {
        return language;
    }

    public int getPosition() {
        return position;
    }

    public NavigationItem item() {
        return new NavigationItem(place, targetKind, target, label);
    }
}
