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
    void everyTableHasAPrimaryKeyAndIsInnoDbAsGaleraNeeds() throws Exception {
        // Galera replicates InnoDB rows only, and a table without a primary key is replicated slowly or not at all.
        try (Database database = Database.open(TestDatabases.newConfig(dataDir));
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT t.table_name, t.engine, (SELECT COUNT(*) FROM"
                    + " information_schema.table_constraints k WHERE k.table_schema = t.table_schema"
                    + " AND k.table_name = t.table_name AND k.constraint_type = 'PRIMARY KEY')"
                    + " FROM information_schema.tables t WHERE t.table_schema = DATABASE()"
                    + " AND t.table_type = 'BASE TABLE' ORDER BY 1");
            List<String> wrong = new ArrayList<>();
            int tables = 0;
            while (rs.next()) {
                tables++;
                if (!"InnoDB".equals(rs.getString(2)) || rs.getInt(3) != 1) {
                    wrong.add(rs.getString(1) + " (" + rs.getString(2) + ", primary keys: " + rs.getInt(3) + ")");
                }
            }
            assertTrue(tables >= 20, "the portal's tables and Flyway's: " + tables);
            assertEquals(List.of(), wrong, "tables without a primary key or not InnoDB");
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

    @Test
    void nodesStartingTogetherMigrateOneAtATime() throws Exception {
        // Flyway holds a named lock (GET_LOCK) while it migrates: the second node waits, then finds nothing to do.
        var config = TestDatabases.newConfig(dataDir);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opened.add(nodes.submit(() -> {
                    go.await();
                    return Database.open(config);
                }));
            }
            go.countDown();
            for (var node : opened) {
                node.get().close();
            }
        } finally {
            nodes.shutdown();
        }
        try (Database database = Database.open(config);
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version), SUM(success = FALSE)"
                    + " FROM flyway_schema_history WHERE version IS NOT NULL");
            rs.next();
            assertEquals(rs.getInt(1), rs.getInt(2), "every migration applied once");
            assertEquals(0, rs.getInt(3), "and none failed");
            assertEquals(org.flywaydb.core.Flyway.configure().dataSource(database.dataSource())
                    .locations("classpath:db/migration").load().info().all().length, rs.getInt(1), "all of them");
        }
    }
}
