package md.migratiesigura.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.chat.ChatCounts;
import org.junit.jupiter.api.Test;

/** The factsheet's sections in its order, where each entered figure is printed, and the chat's yearly figures. */
class FactsheetSectionTest {

    @Test
    void theSectionsComeInTheOrderOfTheHotlinesFactsheet() {
        // The 2025 factsheet, page by page: about the service; the platform's visits by month; the calls by kind;
        // the SOS calls' cases; the online consultations; prevention and training; the partners. The live chat,
        // which the factsheet names among the platform's services, comes after the consultations it stands beside.
        assertEquals(List.of("service", "visits", "calls", "sos", "consultations", "chat", "prevention", "partners"),
                Arrays.stream(FactsheetSection.values()).map(FactsheetSection::key).toList());
    }

    @Test
    void everyEnteredFigureIsPrintedOnceInTheSectionTheFactsheetShowsItIn() {
        assertEquals(List.of(Figure.HOTLINE_CALLS, Figure.HOTLINE_PREVENTION, Figure.HOTLINE_SOS,
                Figure.HOTLINE_REFERRED, Figure.HOTLINE_MOLDOVA_ISRAEL), FactsheetSection.CALLS.figures());
        assertEquals(List.of(Figure.SOS_CASES), FactsheetSection.SOS.figures());
        assertEquals(List.of(Figure.CONSULTATIONS_ONLINE, Figure.CONSULTATIONS_SOS),
                FactsheetSection.CONSULTATIONS.figures());
        assertTrue(FactsheetSection.PREVENTION.figures().contains(Figure.MATERIALS_HANDED_OUT));
        assertEquals(Figure.values().length, Arrays.stream(FactsheetSection.values())
                .mapToInt(s -> s.figures().size()).sum());
        assertEquals(Figure.Section.HOTLINE, FactsheetSection.CALLS.summary());
        assertNull(FactsheetSection.PARTNERS.summary());
    }

    @Test
    void theChatsYearAddsItsMonthsAndLanguagesAndKeepsEachMonthsWaitsAndLengths() {
        ChatFigures figures = ChatFigures.of(2026, month -> month.getMonthValue() == 3
                ? new ChatCounts.Month(month, Map.of(
                        "ro", Map.of(ChatCounts.OFFERED, 5, ChatCounts.ANSWERED, 4, ChatCounts.ABANDONED, 1,
                                ChatCounts.SOS, 2, ChatCounts.TURNED_AWAY_HOURS, 3, ChatCounts.MINUTES, 50),
                        "ru", Map.of(ChatCounts.OFFERED, 2, ChatCounts.ANSWERED, 2, ChatCounts.TURNED_AWAY_FULL, 1,
                                ChatCounts.MINUTES, 17)),
                        3, 9)
                : new ChatCounts.Month(month, Map.of(), null, null));
        assertEquals(12, figures.months().size());
        ChatFigures.Month march = figures.months().get(2);
        assertEquals(new ChatFigures.Counts(7, 6, 1, 4, 2, 67), march.counts());
        assertEquals(11, march.counts().averageMinutes(), "67 minutes over 6 answered chats, rounded");
        assertEquals(3, march.medianWait());
        assertEquals(9, march.p90Wait());
        assertNull(figures.months().get(0).medianWait(), "no answered chat, no wait");
        assertEquals(new ChatFigures.Counts(7, 6, 1, 4, 2, 67), figures.total());
        assertEquals(new ChatFigures.Counts(2, 2, 0, 1, 0, 17), figures.byLanguage().get("ru"));
        assertEquals(9, figures.byLanguage().get("ru").averageMinutes());
        assertNull(figures.months().get(0).counts().averageMinutes(), "no answered chat, no length");
        assertFalse(figures.isEmpty());
        assertTrue(ChatFigures.none().isEmpty());
        assertEquals(YearMonth.of(2026, 1), YearMonth.of(2026, figures.months().get(0).month()));
    }
}
