package md.migratiesigura.portal.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.StaffTesting;
import md.migratiesigura.portal.web.audit.AuditPage;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader's chat page in both languages and the counsellors' console, rendered by Wicket. */
class ChatPagesTest {

    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @Test
    void theReaderPageIsStatelessUncachedAndInItsLanguage() {
        tester.executeUrl("ro/chat");
        tester.assertRenderedPage(ChatPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless());
        String ro = tester.getLastResponseAsString();
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control"));
        assertTrue(ro.contains("Sunteți în pericol acum?") || ro.contains("Chatul este închis acum"));
        assertTrue(ro.contains("Nu este un serviciu de urgență"));
        assertTrue(ro.contains("/ro/consultatie"));
        boolean open = TestPortal.services().chat().withinHours();
        assertEquals(open, ro.contains("id=\"chat-start\""), "the start form only while the chat takes readers");
        assertEquals(!open, ro.contains("data-chat-closed-now"));

        tester.executeUrl("ru/chat");
        String ru = tester.getLastResponseAsString();
        assertTrue(ru.contains("Это не служба экстренной помощи"));
        assertTrue(ru.contains("/ru/konsultatsiya"));
        assertTrue(tester.getLastResponse().getCookies().isEmpty());
    }

    @Test
    void theConsoleIsForCounsellorsAndAdministrators() {
        StaffTesting.signIn(tester, TestPortal.newStaff(Role.COUNSELLOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/chat");
        tester.assertRenderedPage(ChatConsolePage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Disponibil pentru chat"));
        assertTrue(html.contains("chat-console"));
        assertFalse(html.contains("Sunteți în pericol"));
        assertFalse(html.contains("Răspunsuri pregătite"), "administrators keep the canned answers");
        assertTrue(html.contains("id=\"chat-kinds\"") && html.contains("programul Moldova–Israel")
                && html.contains("value=\"sos\""), "the register's kinds, to confirm on closing");
    }

    @Test
    void administratorsKeepTheCannedAnswers() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/chat");
        tester.assertRenderedPage(ChatConsolePage.class);
        assertTrue(tester.getLastResponseAsString().contains("Luna aceasta"), "this month's numbers");
        FormTester form = tester.newFormTester("canned:add");
        form.select("lang", 1);
        form.setValue("text", "Позвоните на «Горячую линию»: 0 800 77777.");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains("Позвоните на «Горячую линию»: 0 800 77777."));
        assertTrue(TestPortal.services().cannedAnswers().all().stream()
                .anyMatch(a -> a.text().startsWith("Позвоните на «Горячую")));

        tester.executeUrl("admin/audit");
        tester.assertRenderedPage(AuditPage.class);
        String audit = tester.getLastResponseAsString();
        assertTrue(audit.contains("Răspuns pregătit adăugat în chat"), "the audit log names the change");
        assertFalse(audit.contains("Позвоните на «Горячую"), "the audit log never holds the answer's text");
    }

    @Test
    void editorsDoNotGetTheConsole() {
        StaffTesting.signIn(tester, TestPortal.newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/chat");
        assertFalse(tester.getLastRenderedPage() instanceof ChatConsolePage);
    }
}
