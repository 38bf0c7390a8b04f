import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;

/**
 * The benchmark's database chores over JDBC, run with the portal's jar on the class path (it holds the MariaDB
 * driver), so nothing but Java is needed:
 *
 * <pre>java -cp portal-web/target/portal.jar deploy/bench/BenchDb.java create|drop|version SERVER_URL USER PASSWORD [NAME]
 * java -cp portal-web/target/portal.jar deploy/bench/BenchDb.java visits SERVER_URL USER PASSWORD NAME YEAR</pre>
 *
 * SERVER_URL is a {@code jdbc:mariadb://host:port} address without a database; NAME is made of letters, digits and
 * underscores. {@code create} makes an empty utf8mb4_unicode_ci database (and fails if it exists), {@code drop}
 * removes it if present, {@code version} prints the server version. {@code visits} gives a portal database (its
 * schema made by a first start) a year of counted visits: daily, monthly and per-page figures of the size of the
 * 2025 factsheet (about 10,000 visits a month), so that the report page has a year to show.
 */
public final class BenchDb {

    public static void main(String[] args) throws SQLException {
        if (args.length < 4 || (!"version".equals(args[0]) && args.length < 5)
                || ("visits".equals(args[0]) && args.length < 6)) {
            System.err.println("usage: BenchDb.java create|drop|version SERVER_URL USER PASSWORD [NAME]");
            System.err.println("       BenchDb.java visits SERVER_URL USER PASSWORD NAME YEAR");
            System.exit(2);
        }
        if ("visits".equals(args[0])) {
            String url = args[1].replaceAll("/?(\\?.*)?$", "") + "/" + args[4];
            try (Connection c = DriverManager.getConnection(url, args[2], args[3])) {
                visits(c, Integer.parseInt(args[5]));
            }
            return;
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

    private static final String[] PAGES = {"/ro/", "/ru/", "/ro/verifica-oferta", "/ru/proverka-vakansii", "/ro/agentii",
            "/ro/categorie/munca", "/ru/kategoriya/munca", "/ro/cautare", "/ro/evenimente", "/ru/sobytiya"};

    private static void visits(Connection c, int year) throws SQLException {
        c.setAutoCommit(false);
        Random random = new Random(year);
        try (PreparedStatement daily = c.prepareStatement(
                     "REPLACE INTO visit_daily (day, pageviews, visits, visitors) VALUES (?, ?, ?, ?)");
             PreparedStatement monthly = c.prepareStatement(
                     "REPLACE INTO visit_monthly (year, month, pageviews, visits, visitors) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement breakdown = c.prepareStatement("REPLACE INTO visit_breakdown"
                     + " (year, month, dimension, item, pageviews, visits) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int month = 1; month <= 12; month++) {
                int[] sums = new int[3];
                LocalDate first = LocalDate.of(year, month, 1);
                for (LocalDate day = first; day.getMonthValue() == month; day = day.plusDays(1)) {
                    int visitCount = 250 + random.nextInt(200);
                    int visitors = visitCount * 2 / 5 + random.nextInt(20);
                    int pageviews = visitCount * 5 / 2 + random.nextInt(100);
                    daily.setObject(1, day);
                    daily.setInt(2, pageviews);
                    daily.setInt(3, visitCount);
                    daily.setInt(4, visitors);
                    daily.addBatch();
                    sums[0] += pageviews;
                    sums[1] += visitCount;
                    sums[2] += visitors;
                }
                monthly.setInt(1, year);
                monthly.setInt(2, month);
                monthly.setInt(3, sums[0]);
                monthly.setInt(4, sums[1]);
                monthly.setInt(5, sums[2] / 3);
                monthly.addBatch();
                int left = sums[0];
                for (int p = 0; p < PAGES.length; p++) {
                    int views = p == PAGES.length - 1 ? left : left / 3;
                    left -= views;
                    breakdown.setInt(1, year);
                    breakdown.setInt(2, month);
                    breakdown.setString(3, "page");
                    breakdown.setString(4, PAGES[p]);
                    breakdown.setInt(5, views);
                    breakdown.setInt(6, views / 2);
                    breakdown.addBatch();
                }
            }
            daily.executeBatch();
            monthly.executeBatch();
            breakdown.executeBatch();
        }
        c.commit();
        System.out.println("Visits: a year of figures for " + year);
    }
}
