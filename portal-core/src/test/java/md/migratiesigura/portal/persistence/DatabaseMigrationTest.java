package md.migratiesigura.portal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void migrationsCreateTheSchemaThatHibernateValidates() throws Exception {
        // Database.open migrates with Flyway, then builds Hibernate with hbm2ddl=validate: a mismatch throws here.
        try (Database database = Database.open(TestDatabases.newConfig(dataDir))) {
            assertTrue(database.isUp());
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT table_name, table_collation FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history' ORDER BY 1");
                List<String> wrongCollation = new ArrayList<>();
                int tables = 0;
                while (rs.next()) {
                    tables++;
                    if (!rs.getString(2).equals("utf8mb4_unicode_ci")) {
                        wrongCollation.add(rs.getString(1) + "=" + rs.getString(2));
                    }
                }
                assertTrue(tables >= 5, "expected the portal's tables, found " + tables);
                assertEquals(List.of(), wrongCollation, "every table is utf8mb4_unicode_ci");
            }
        }
    }

    @Test
    void openingTwiceMigratesOnceAndKeepsData() throws Exception {
        var config = TestDatabases.newConfig(dataDir);
        try (Database database = Database.open(config);
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO categories (category_key, name_ro, name_ru) VALUES ('munca', 'Muncă', 'Работа')");
        }
        try (Database database = Database.open(config);
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT name_ro, name_ru FROM categories WHERE category_key = 'munca'");
            assertTrue(rs.next(), "the row written before reopening is still there");
            assertEquals("Muncă", rs.getString(1));
            assertEquals("Работа", rs.getString(2));
        }
    }
}
