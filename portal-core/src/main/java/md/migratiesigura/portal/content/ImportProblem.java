package md.migratiesigura.portal.content;

/** A content file that could not be imported: which file, which line (0 when unknown) and why. */
public record ImportProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
