package md.migratiesigura.portal.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.report.EventFigures;
import md.migratiesigura.portal.report.ReportSources;
import org.hibernate.SessionFactory;

/**
 * The events' part of the annual report, and its breakdown on the events' back-office page: only held events count,
 * by the year of their start in Chisinau.
 */
public class EventReportSource implements ReportSources.EventStatistics {

    private final SessionFactory sessionFactory;

    public EventReportSource(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Events held in the year (by their start, Chisinau time): counts per type, participants, materials. */
    @Override
    public EventFigures forYear(int year) {
        Map<String, Long> byType = new LinkedHashMap<>();
        EventFigures.TYPES.forEach(t -> byType.put(t, 0L));
        long participants = 0;
        long materials = 0;
        for (Event e : held(year)) {
            byType.merge(e.getType().code(), 1L, Long::sum);
            participants += e.getParticipants() == null ? 0 : e.getParticipants();
            materials += e.getMaterials() == null ? 0 : e.getMaterials();
        }
        return new EventFigures(byType, participants, materials);
    }

    /** Held events of the year per month and per district. */
    public EventBreakdown breakdown(int year) {
        long[][] months = new long[12][3];
        Map<String, long[]> districts = new LinkedHashMap<>();
        for (Event e : held(year)) {
            long p = e.getParticipants() == null ? 0 : e.getParticipants();
            long m = e.getMaterials() == null ? 0 : e.getMaterials();
            long[] month = months[e.getStartsAt().atZone(PortalTime.ZONE).getMonthValue() - 1];
            long[] district = districts.computeIfAbsent(e.getDistrict(), k -> new long[3]);
            for (long[] row : new long[][] {month, district}) {
                row[0]++;
                row[1] += p;
                row[2] += m;
            }
        }
        List<EventBreakdown.Row> monthRows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            monthRows.add(new EventBreakdown.Row(String.valueOf(i + 1), months[i][0], months[i][1], months[i][2]));
        }
        List<EventBreakdown.Row> districtRows = District.ALL.stream().filter(d -> districts.containsKey(d.key()))
                .map(d -> {
                    long[] r = districts.get(d.key());
                    return new EventBreakdown.Row(d.key(), r[0], r[1], r[2]);
                }).toList();
        return new EventBreakdown(year, monthRows, districtRows);
    }

    private List<Event> held(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(PortalTime.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(PortalTime.ZONE).toInstant();
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from Event e where e.status = :held and e.startsAt >= :from and e.startsAt < :to", Event.class)
                .setParameter("held", EventStatus.HELD.code())
                .setParameter("from", from)
                .setParameter("to", to)
                .setReadOnly(true)
                .getResultList());
    }
}
