package md.migratiesigura.portal.riskcheck;

/** Answers that do not fit the questionnaire (an unknown question or option, an over-long input), with the reason. */
public class InvalidAnswerException extends IllegalArgumentException {

    public InvalidAnswerException(String reason) {
        super(reason);
    }
}
