package md.migratiesigura.portal.register;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.report.HotlineFigures;
import org.hibernate.SessionFactory;

/**
 * Counts the register: a year's entries are read as plain rows (a year is some ten thousand short rows) and tallied
 * by {@link HotlineTally}, month by month and for the year, the factsheet's way (docs/hotline-register.md).
 */
final class RegisterCounts {

    private RegisterCounts() {
    }

    static boolean hasEntries(SessionFactory sessions, int year) {
        return sessions.fromTransaction(session -> session.createNativeQuery(
                        "SELECT EXISTS (SELECT 1 FROM register_entries WHERE entry_date BETWEEN :from AND :to)", Object.class)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31))
                .getSingleResult() instanceof Number n && n.intValue() != 0);
    }

    static Optional<HotlineFigures> figures(SessionFactory sessions, int year) {
        List<HotlineTally> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new HotlineTally());
        }
        HotlineTally total = new HotlineTally();
        boolean any = sessions.fromTransaction(session -> session.doReturningWork(c -> {
            boolean found = false;
            try (PreparedStatement s = c.prepareStatement("SELECT entry_date, channel, kind, case_type, persons,"
                    + " citizenship, country, exploitation FROM register_entries WHERE entry_date BETWEEN ? AND ?")) {
                s.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
                s.setDate(2, Date.valueOf(LocalDate.of(year, 12, 31)));
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found = true;
                        HotlineTally.Row row = row(rs);
                        total.add(row);
                        months.get(rs.getDate(1).toLocalDate().getMonthValue() - 1).add(row);
                    }
                }
            }
            return found;
        }));
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(new HotlineFigures(HotlineFigures.Source.REGISTER, total.tally(),
                months.stream().map(HotlineTally::tally).toList()));
    }

    static MonthCount count(SessionFactory sessions, YearMonth month, LocalDate through) {
        return sessions.fromTransaction(session -> session.doReturningWork(c -> {
            long calls = 0;
            long chats = 0;
            long consultations = 0;
            long sos = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT channel, kind = 'SOS', COUNT(*) FROM register_entries"
                    + " WHERE entry_date BETWEEN ? AND ? GROUP BY channel, kind = 'SOS'")) {
                s.setDate(1, Date.valueOf(month.atDay(1)));
                s.setDate(2, Date.valueOf(through));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(3);
                        switch (EntryChannel.valueOf(rs.getString(1))) {
                            case CALL -> calls += n;
                            case CHAT -> chats += n;
                            case CONSULTATION -> consultations += n;
                        }
                        if (rs.getBoolean(2)) {
                            sos += n;
                        }
                    }
                }
            }
            return new MonthCount(month.getYear(), month.getMonthValue(), calls, chats, consultations, sos);
        }));
    }

    private static HotlineTally.Row row(ResultSet rs) throws SQLException {
        String caseType = rs.getString(4);
        return new HotlineTally.Row(EntryChannel.valueOf(rs.getString(2)), EntryKind.valueOf(rs.getString(3)),
                caseType == null ? null : CaseType.valueOf(caseType), rs.getInt(5), rs.getString(6), rs.getString(7),
                Exploitations.parse(rs.getString(8)));
    }
}
