package md.migratiesigura.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCounterTest {

    @TempDir
    Path dataDir;

    @Test
    void searchesAreCountedPerChisinauMonthAndAddUpAcrossFlushes() {
        // 23:30 UTC on 31 January is already February in Chisinau.
        Clock clock = Clock.fixed(Instant.parse("2026-01-31T23:30:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(TestDatabases.newConfig(dataDir));
             SearchCounter counter = new SearchCounter(db.sessionFactory(), clock)) {
            counter.count();
            counter.count();
            counter.flush();
            counter.count();
            assertEquals(3, counter.searches(YearMonth.of(2026, 2)), "written and unwritten counts together");
            counter.flush();
            assertEquals(3, counter.searches(YearMonth.of(2026, 2)));
            assertEquals(0, counter.searches(YearMonth.of(2026, 1)));
            long columns = db.sessionFactory().fromTransaction(s -> s.createNativeQuery(
                    "select count(*) from information_schema.columns where table_schema = database()"
                            + " and table_name = 'search_counts'", Long.class).getSingleResult());
            assertEquals(2, columns, "a month and a number: nothing of what was typed");
        }
    }
}
