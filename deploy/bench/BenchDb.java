import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's database chores over JDBC, run with the portal's jar on the class path (it holds the MariaDB
 * driver), so nothing but Java is needed:
 *
 * <pre>java -cp portal-web/target/portal.jar deploy/bench/BenchDb.java create|drop|version SERVER_URL USER PASSWORD [NAME]</pre>
 *
 * SERVER_URL is a {@code jdbc:mariadb://host:port} address without a database; NAME is made of letters, digits and
 * underscores. {@code create} makes an empty utf8mb4_unicode_ci database (and fails if it exists), {@code drop}
 * removes it if present, {@code version} prints the server version.
 */
public final class BenchDb {

    public static void main(String[] args) throws SQLException {
        if (args.length < 4 || (!"version".equals(args[0]) && args.length < 5)) {
            System.err.println("usage: BenchDb.java create|drop|version SERVER_URL USER PASSWORD [NAME]");
            System.exit(2);
        }
        String name = args.length > 4 ? args[4] : null;
        if (name != null && !name.matches("[A-Za-z0-9_]{1,64}")) {
            System.err.println("database name must be letters, digits and underscores: " + name);
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[1], args[2], args[3]);
             Statement s = c.createStatement()) {
            switch (args[0]) {
                case "create" -> s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                case "drop" -> s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                case "version" -> {
                    try (ResultSet r = s.executeQuery("SELECT VERSION()")) {
                        r.next();
                        System.out.println(r.getString(1));
                    }
                }
                default -> {
                    System.err.println("unknown command " + args[0]);
                    System.exit(2);
                }
            }
        }
    }
}
