package md.migratiesigura.portal.consultation;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/**
 * What the person sends: the page's language, a topic, the question, whether they are in danger now, how they want
 * the answer and, for e-mail or phone, where. Its {@code toString} hides the texts so that they never reach a log.
 */
public record NewConsultation(Language language, Topic topic, String question, boolean sos, Channel channel,
                              String contact) implements Serializable {

    @Override
    public String toString() {
        return "NewConsultation[" + language + ", " + topic + ", sos=" + sos + ", " + channel + "]";
    }
}
