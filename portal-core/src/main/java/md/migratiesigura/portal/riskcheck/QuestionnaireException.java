package md.migratiesigura.portal.riskcheck;

/**
 * The questionnaire file is invalid: which file, which line (0 when not known) and why, in words an editor can act
 * on. The questionnaire in use stays as it was.
 */
public class QuestionnaireException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    QuestionnaireException(String file, int line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
