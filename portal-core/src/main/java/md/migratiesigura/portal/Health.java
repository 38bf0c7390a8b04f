package md.migratiesigura.portal;

/** Whether the parts the portal needs to serve are working. */
public record Health(boolean database, boolean search) {

    public boolean isUp() {
        return database && search;
    }
}
