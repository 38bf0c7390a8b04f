package md.migratiesigura.portal.consultation;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/** A referral service as the pages show it. */
public record ReferralView(long id, String nameRo, String nameRu, boolean retired) implements Serializable {

    public String name(Language language) {
        return language == Language.RU ? nameRu : nameRo;
    }
}
