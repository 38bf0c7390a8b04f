package md.migratiesigura.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** PORTAL_CHAT_HOURS and PORTAL_CHAT_CAPACITY: defaults, always open, and wrong values named at the start. */
class ChatSettingsTest {

    private static ChatSettings read(Map<String, String> env) {
        return PortalConfig.from(env, new Properties()).chat();
    }

    @Test
    void defaultsAreTheHotlinesHoursAndTwoChats() {
        ChatSettings chat = read(Map.of());
        assertEquals(LocalTime.of(8, 0), chat.opens());
        assertEquals(LocalTime.of(20, 0), chat.closes());
        assertEquals(2, chat.capacity());
        assertTrue(chat.isOpenAt(LocalTime.of(8, 0)));
        assertTrue(chat.isOpenAt(LocalTime.of(19, 59)));
        assertFalse(chat.isOpenAt(LocalTime.of(20, 0)));
        assertFalse(chat.isOpenAt(LocalTime.of(7, 59)));
    }

    @Test
    void alwaysOpen() {
        ChatSettings chat = read(Map.of("PORTAL_CHAT_HOURS", "00:00-24:00", "PORTAL_CHAT_CAPACITY", "5"));
        assertNull(chat.closes());
        assertTrue(chat.isOpenAt(LocalTime.of(23, 59, 59)));
        assertTrue(chat.isOpenAt(LocalTime.MIDNIGHT));
        assertEquals(5, chat.capacity());
    }

    @Test
    void wrongValuesStopTheStartNamingTheVariable() {
        for (String hours : new String[] {"8-20", "20:00-08:00", "08:00-08:00", "25:00-26:00", "always"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> read(Map.of("PORTAL_CHAT_HOURS", hours)));
            assertTrue(e.getMessage().contains("PORTAL_CHAT_HOURS"), e.getMessage());
        }
        for (String capacity : new String[] {"0", "6", "two"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> read(Map.of("PORTAL_CHAT_CAPACITY", capacity)));
            assertTrue(e.getMessage().contains("PORTAL_CHAT_CAPACITY"), e.getMessage());
        }
    }
}
