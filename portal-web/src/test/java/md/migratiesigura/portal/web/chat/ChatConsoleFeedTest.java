package md.migratiesigura.portal.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.chat.Opening;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.register.MonthCount;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.StaffTesting;
import md.migratiesigura.portal.web.api.ApiServlet;
import org.apache.wicket.protocol.http.mock.MockHttpServletRequest;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's feed closing a chat: the kind for the hotline register is required, refused in the counsellor's
 * language without closing anything, and recorded with the close. A core of its own, whose chat is open all day.
 */
class ChatConsoleFeedTest {

    private static PortalServices core;
    private static PortalConfig config;
    private WicketTester tester;
    private SignedInUser counsellor;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("chat-feed"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_ONE_TIME_PASSWORD);
        env.put("PORTAL_CHAT_HOURS", "00:00-24:00");
        config = PortalConfig.from(env, new Properties());
        core = PortalCore.start(config);
        TestPortal.firstPasswordChanged(core);
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @BeforeEach
    void setUp() {
        tester = new WicketTester(new PortalApplication(core, config));
        String email = TestPortal.newStaff(core, Role.COUNSELLOR);
        counsellor = core.users().list().stream().filter(u -> u.email().equals(email))
                .map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role())).findFirst().orElseThrow();
        StaffTesting.signIn(tester, email, TestPortal.STAFF_PASSWORD);
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @Test
    void closingWithoutAValidKindIsRefusedInTheCounsellorsLanguageAndClosesNothing() throws Exception {
        core.chatConsole().presence(counsellor, true);
        long id = assertInstanceOf(Opening.Started.class, core.chat().open(Language.RO, false, "192.0.2.41")).chatId();
        core.chatConsole().accept(counsellor, id);
        YearMonth month = YearMonth.from(core.register().today());
        MonthCount before = core.register().count(month, core.register().today());

        JsonNode missing = feed("{\"action\":\"close\",\"id\":" + id + ",\"topic\":\"job-offer\"}");
        assertEquals(400, tester.getLastResponse().getStatus());
        assertEquals("KIND", missing.path("error").asText(), missing.toString());
        assertTrue(missing.get("message").asText().contains("Alegeți tipul conversației"), missing.toString());

        tester.getSession().setLocale(Locale.forLanguageTag("ru"));
        JsonNode invalid = feed("{\"action\":\"block\",\"id\":" + id + ",\"topic\":\"job-offer\",\"kind\":\"urgent\"}");
        assertEquals(400, tester.getLastResponse().getStatus());
        assertTrue(invalid.get("message").asText().contains("Выберите вид разговора"), invalid.toString());

        assertEquals(1, core.chatConsole().mine(counsellor, Map.of()).size(), "the chat is still the counsellor's");
        assertEquals(before, core.register().count(month, core.register().today()), "nothing recorded");

        JsonNode closed = feed("{\"action\":\"close\",\"id\":" + id + ",\"topic\":\"job-offer\",\"kind\":\"referral\"}");
        assertEquals(200, tester.getLastResponse().getStatus(), closed.toString());
        assertEquals(0, closed.get("chats").size());
        MonthCount after = core.register().count(month, core.register().today());
        assertEquals(before.chats() + 1, after.chats(), "the closed chat is in the register");
    }

    @Test
    void theWaitingListIsSentAgainOnlyWhenItChanged() throws Exception {
        core.chatConsole().presence(counsellor, true);
        JsonNode first = feed("{\"action\":\"poll\"}");
        assertEquals(200, tester.getLastResponse().getStatus(), first.toString());
        assertTrue(first.get("waiting").isArray(), "the first poll has the list: " + first);
        String version = first.get("waitingVersion").asText();

        JsonNode same = feed("{\"action\":\"poll\",\"waitingVersion\":\"" + version + "\"}");
        assertTrue(same.path("waiting").isMissingNode(), "an unchanged list is not sent again: " + same);
        assertEquals(version, same.get("waitingVersion").asText());

        long id = assertInstanceOf(Opening.Started.class, core.chat().open(Language.RU, true, "192.0.2.42")).chatId();
        JsonNode changed = feed("{\"action\":\"poll\",\"waitingVersion\":\"" + version + "\"}");
        assertTrue(changed.get("waiting").isArray(), "a new chat in the queue sends the list: " + changed);
        assertTrue(changed.get("waiting").findValues("id").stream().anyMatch(v -> v.asLong() == id), changed.toString());
        assertTrue(!version.equals(changed.get("waitingVersion").asText()), "a new version");
    }

    /** One POST to the console's feed, as {@code chat-console.js} sends it; returns the JSON answer. */
    private JsonNode feed(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest(tester.getApplication(), tester.getHttpSession(),
                tester.getServletContext()) {
            @Override
            public String getContentType() {
                return "application/json";
            }

            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new ServletInputStream() {
                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public int read() {
                        return in.read();
                    }
                };
            }
        };
        request.setMethod("POST");
        request.setHeader("sec-fetch-site", "same-origin");
        request.setURL(request.getContextPath() + request.getServletPath() + "/admin/chat/feed");
        tester.processRequest(request);
        return ApiServlet.JSON.readTree(tester.getLastResponse().getBinaryContent());
    }
}
