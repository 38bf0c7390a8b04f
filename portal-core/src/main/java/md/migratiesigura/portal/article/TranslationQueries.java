package md.migratiesigura.portal.article;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import org.hibernate.SessionFactory;

/** Which articles lack a language version, or have one that fell behind the other: the translators' to-do list. */
public class TranslationQueries {

    private final SessionFactory sessionFactory;

    public TranslationQueries(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Every article with the state of each language: missing, outdated (the other language's text changed after
     * this one's, and neither save said it follows the other) or up to date. Ordered by key.
     */
    public List<TranslationMatrixRow> translationMatrix() {
        return sessionFactory.fromTransaction(session -> {
            List<Object[]> rows = session.createSelectionQuery("select a.key, t.language, t.title, t.contentChangedAt,"
                            + " t.basedOnOtherAt from ArticleTranslation t join t.article a order by a.key", Object[].class)
                    .getResultList();
            Map<String, Map<Language, Object[]>> byKey = new LinkedHashMap<>();
            for (Object[] row : rows) {
                byKey.computeIfAbsent((String) row[0], k -> new EnumMap<>(Language.class)).put((Language) row[1], row);
            }
            return byKey.entrySet().stream().map(e -> {
                Object[] ro = e.getValue().get(Language.RO);
                Object[] ru = e.getValue().get(Language.RU);
                String title = (String) (ro != null ? ro : ru)[2];
                return new TranslationMatrixRow(e.getKey(), title, state(ro, ru), state(ru, ro));
            }).toList();
        });
    }

    /** Row layout: key, language, title, contentChangedAt, basedOnOtherAt. */
    static TranslationState state(Object[] self, Object[] other) {
        if (self == null) {
            return TranslationState.MISSING;
        }
        if (other == null) {
            return TranslationState.UP_TO_DATE;
        }
        Instant mine = (Instant) self[3];
        Instant mineFollows = (Instant) self[4];
        Instant theirs = (Instant) other[3];
        Instant theirsFollows = (Instant) other[4];
        boolean otherChangedSince = theirs.isAfter(mine);
        boolean otherFollowedMine = theirsFollows != null && !theirsFollows.isBefore(mine);
        boolean mineConfirmed = mineFollows != null && !mineFollows.isBefore(theirs);
        return otherChangedSince && !otherFollowedMine && !mineConfirmed
                ? TranslationState.OUTDATED : TranslationState.UP_TO_DATE;
    }
}
