package md.migratiesigura.portal.web.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.consultation.AnswerLookup;
import md.migratiesigura.portal.consultation.Channel;
import md.migratiesigura.portal.consultation.ConsultationService;
import md.migratiesigura.portal.consultation.Delivery;
import md.migratiesigura.portal.consultation.InboxFilter;
import md.migratiesigura.portal.consultation.InboxItem;
import md.migratiesigura.portal.consultation.NewConsultation;
import md.migratiesigura.portal.consultation.ReferralView;
import md.migratiesigura.portal.consultation.Submitted;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import org.apache.wicket.serialize.java.JavaSerializer;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counsellors' inbox and case page and the administrators' referral list, on the real core. */
class ConsultationAdminPagesTest {

    private static int addresses;
    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    private static ConsultationService consultations() {
        return TestPortal.services().consultations();
    }

    private static synchronized Submitted ask(String question, boolean sos, Channel channel, String contact) {
        return consultations().submit(new NewConsultation(Language.RO, Topic.WORK_RIGHTS, question, sos, channel, contact),
                "198.19.0." + (++addresses));
    }

    private static long idOf(Submitted submitted) {
        return consultations().inbox(InboxFilter.OPEN, TestPortal.administrator()).stream()
                .filter(i -> i.ticket().equals(submitted.ticket())).findFirst().orElseThrow().id();
    }

    @Test
    void aCounsellorSeesSosFirstRepliesNotesRefersAndClosesAndEveryStepIsAudited() {
        Submitted plain = ask("Angajatorul nu-mi plătește salariul de trei luni.", false, Channel.TICKET, null);
        Submitted sos = ask("Mi-au luat pașaportul și nu mă lasă să plec.", true, Channel.PHONE, "+39 333 123 4567");
        ReferralView shelter = TestPortal.services().referrals().addReferral(TestPortal.administrator(),
                "Centru de plasament " + UUID.randomUUID().toString().substring(0, 6), "Приют");
        String counsellor = TestPortal.newStaff(Role.COUNSELLOR);
        StaffTesting.signIn(tester, counsellor, TestPortal.STAFF_PASSWORD);

        tester.executeUrl("admin/consultations");
        tester.assertRenderedPage(ConsultationsPage.class);
        String inbox = tester.getLastResponseAsString();
        assertTrue(inbox.indexOf(sos.displayTicket()) < inbox.indexOf(plain.displayTicket()), "SOS comes first");
        assertFalse(inbox.contains("pașaportul"), "no question text in the inbox");
        assertTrue(inbox.contains("E-mailul este oprit"), "the staff see that mail is off");
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control"));

        long id = idOf(sos);
        tester.executeUrl("admin/consultations/" + id);
        tester.assertRenderedPage(ConsultationCasePage.class);
        String page = tester.getLastResponseAsString();
        assertTrue(page.contains("Mi-au luat pașaportul și nu mă lasă să plec."));
        assertTrue(page.contains("+39 333 123 4567"));
        assertEquals(AuditAction.CONSULTATION_VIEWED, latestAudit().action());

        StaffTesting.submit(tester, tester.newFormTester("actions:assignForm"));
        assertTrue(tester.getLastResponseAsString().contains("Ai preluat consultația."));
        assertEquals(AuditAction.CONSULTATION_ASSIGNED, latestAudit().action());

        FormTester reply = tester.newFormTester("actions:replyForm");
        reply.setValue("reply", "Te sunăm acum. Dacă ești în pericol, sună la 112.");
        StaffTesting.submit(tester, reply);
        assertTrue(tester.getLastResponseAsString().contains("Răspunsul a fost salvat. Sună persoana la numărul dat."));
        AuditRecord replied = latestAudit();
        assertEquals(AuditAction.CONSULTATION_REPLIED, replied.action());
        assertEquals(sos.displayTicket(), replied.target());
        assertFalse(String.valueOf(replied.detail()).contains("112"), "no message text in the audit log");

        FormTester note = tester.newFormTester("actions:noteForm");
        note.setValue("note", "A sunat și sora ei.");
        StaffTesting.submit(tester, note);
        assertEquals(AuditAction.CONSULTATION_NOTE_ADDED, latestAudit().action());

        FormTester refer = tester.newFormTester("actions:referralForm");
        List<ReferralView> choices = TestPortal.services().referrals().referrals(false);
        refer.select("referral", choices.indexOf(choices.stream().filter(r -> r.id() == shelter.id()).findFirst().orElseThrow()));
        StaffTesting.submit(tester, refer);
        assertTrue(tester.getLastResponseAsString().contains(shelter.nameRo()));
        assertEquals(AuditAction.CONSULTATION_REFERRED, latestAudit().action());

        StaffTesting.submit(tester, tester.newFormTester("actions:closeForm"));
        assertTrue(tester.getLastResponseAsString().contains("Consultația a fost închisă."));
        assertEquals(AuditAction.CONSULTATION_CLOSED, latestAudit().action());
        assertTrue(tester.getLastResponseAsString().contains("A sunat și sora ei."), "notes stay visible to staff");

        AnswerLookup.Found answer = assertInstanceOf(AnswerLookup.Found.class,
                consultations().readAnswer(sos.ticket(), sos.phrase(), "198.19.1.1"));
        assertEquals(List.of("Te sunăm acum. Dacă ești în pericol, sună la 112."),
                answer.replies().stream().map(AnswerLookup.Reply::text).toList(), "the person reads the reply, not the note");
        assertTrue(answer.closed());

        tester.executeUrl("admin/consultations?view=closed");
        assertTrue(tester.getLastResponseAsString().contains(sos.displayTicket()));
        List<InboxItem> open = consultations().inbox(InboxFilter.OPEN, TestPortal.administrator());
        assertTrue(open.stream().noneMatch(i -> i.ticket().equals(sos.ticket())));
    }

    @Test
    void theCasePageKeepsNoTextOfTheConsultationInItsStoredState() {
        String question = "QuestionKept" + UUID.randomUUID().toString().replace("-", "");
        String reply = "ReplyKept" + UUID.randomUUID().toString().replace("-", "");
        String note = "NoteKept" + UUID.randomUUID().toString().replace("-", "");
        String refusedReply = "RefusedKept" + UUID.randomUUID().toString().replace("-", "");
        Submitted asked = ask("Nu primesc salariul. " + question, false, Channel.PHONE, "+373 69 123 987");
        StaffTesting.signIn(tester, TestPortal.newStaff(Role.COUNSELLOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/consultations/" + idOf(asked));
        FormTester replyForm = tester.newFormTester("actions:replyForm");
        replyForm.setValue("reply", "Vă sunăm. " + reply);
        StaffTesting.submit(tester, replyForm);
        FormTester noteForm = tester.newFormTester("actions:noteForm");
        noteForm.setValue("note", "Sună seara. " + note);
        StaffTesting.submit(tester, noteForm);
        FormTester tooLong = tester.newFormTester("actions:replyForm");
        tooLong.setValue("reply", refusedReply + "x".repeat(ConsultationService.MAX_MESSAGE));
        StaffTesting.submit(tester, tooLong);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(question) && html.contains("+373 69 123 987") && html.contains(reply)
                && html.contains(note), "the counsellor sees the question, the contact, the reply and the note");
        assertTrue(html.contains(refusedReply), "a refused reply is shown back to be corrected");

        byte[] stored = new JavaSerializer(tester.getApplication().getApplicationKey())
                .serialize(tester.getLastRenderedPage());
        String state = new String(stored, StandardCharsets.ISO_8859_1);
        for (String text : List.of(question, "+373 69 123 987", reply, note, refusedReply)) {
            assertFalse(state.contains(text), "the stored page holds " + text);
        }
    }

    @Test
    void theAnnualReportCountsTheQuestionsAskedAndTheSosOnes() {
        int year = java.time.Year.now(java.time.ZoneId.of("Europe/Chisinau")).getValue();
        var before = TestPortal.services().reports().report(year).consultations();
        ask("Întrebare pentru raport", false, Channel.TICKET, null);
        ask("Întrebare SOS pentru raport", true, Channel.TICKET, null);
        var after = TestPortal.services().reports().report(year).consultations();
        assertEquals(before.total() + 2, after.total());
        assertEquals(before.sos() + 1, after.sos());
    }

    @Test
    void anEditorMayNotOpenConsultationsAndACounsellorMayNotEditReferrals() {
        Submitted submitted = ask("O întrebare", false, Channel.TICKET, null);
        StaffTesting.signIn(tester, TestPortal.newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/consultations");
        tester.assertRenderedPage(AccessDeniedPage.class);
        tester.executeUrl("admin/consultations/" + idOf(submitted));
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(AuditAction.ACCESS_DENIED, latestAudit().action());

        tester.destroy();
        tester = new WicketTester(TestPortal.newApplication());
        StaffTesting.signIn(tester, TestPortal.newStaff(Role.COUNSELLOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/referrals");
        tester.assertRenderedPage(AccessDeniedPage.class);
        tester.executeUrl("admin/consultations/999999999");
        assertEquals(404, tester.getLastResponse().getStatus());
        tester.executeUrl("admin/consultations/not-a-number");
        assertEquals(404, tester.getLastResponse().getStatus());
    }

    @Test
    void anAdministratorAddsRenamesAndRetiresAReferralService() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/referrals");
        tester.assertRenderedPage(ReferralsPage.class);
        String name = "Asistență juridică " + UUID.randomUUID().toString().substring(0, 6);
        FormTester add = tester.newFormTester("add");
        add.setValue("nameRo", name);
        add.setValue("nameRu", "");
        StaffTesting.submit(tester, add);
        assertTrue(tester.getLastResponseAsString().contains("Scrie denumirea în ambele limbi"), "both languages are needed");
        assertTrue(TestPortal.services().referrals().referrals(true).stream().noneMatch(r -> r.nameRo().equals(name)), "nothing saved");

        add = tester.newFormTester("add");
        add.setValue("nameRo", name);
        add.setValue("nameRu", "Юридическая помощь");
        StaffTesting.submit(tester, add);
        assertTrue(tester.getLastResponseAsString().contains("Serviciul a fost adăugat."));
        assertEquals(AuditAction.REFERRAL_ADDED, latestAudit().action());

        List<ReferralView> all = TestPortal.services().referrals().referrals(true);
        int row = all.indexOf(all.stream().filter(r -> r.nameRo().equals(name)).findFirst().orElseThrow());
        FormTester rename = tester.newFormTester("referrals:" + row + ":rename");
        rename.setValue("nameRo", name + " gratuită");
        StaffTesting.submit(tester, rename);
        assertEquals(AuditAction.REFERRAL_RENAMED, latestAudit().action());
        all = TestPortal.services().referrals().referrals(true);
        row = all.indexOf(all.stream().filter(r -> r.nameRo().equals(name + " gratuită")).findFirst().orElseThrow());
        StaffTesting.submit(tester, tester.newFormTester("referrals:" + row + ":toggle"));
        assertEquals(AuditAction.REFERRAL_RETIRED, latestAudit().action());
        assertTrue(TestPortal.services().referrals().referrals(false).stream().noneMatch(r -> r.nameRo().startsWith(name)),
                "a retired service is no longer offered");
    }

    @Test
    void aReplyThatCouldNotBeMailedShowsTheCounsellorWhyInTheirLanguage() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-dead-mail"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_SMTP_HOST", "127.0.0.1");
        env.put("PORTAL_SMTP_PORT", Integer.toString(deadPort));
        env.put("PORTAL_SMTP_TLS", "off");
        env.put("PORTAL_SMTP_FROM", "portal@example.org");
        PortalConfig config = PortalConfig.from(env, new Properties());
        try (PortalServices core = PortalCore.start(config)) {
            Submitted asked = core.consultations().submit(new NewConsultation(Language.RO, Topic.WORK_RIGHTS,
                    "Nu primesc salariul.", false, Channel.EMAIL, "lucratoare@example.org"), "198.19.2.1");
            SignedInUser counsellor = core.users().authenticate(TestPortal.newStaff(core, Role.COUNSELLOR),
                    TestPortal.STAFF_PASSWORD).orElseThrow();
            long id = core.consultations().inbox(InboxFilter.OPEN, counsellor).get(0).id();
            core.consultations().reply(id, counsellor, "Vă sunăm.");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (core.consultations().find(id).orElseThrow().messages().get(0).delivery() == Delivery.EMAIL_PENDING
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            tester.destroy();
            tester = new WicketTester(new PortalApplication(core, config));
            StaffTesting.signIn(tester, counsellor.email(), TestPortal.STAFF_PASSWORD);
            tester.executeUrl("admin/consultations/" + id);
            tester.assertRenderedPage(ConsultationCasePage.class);
            assertTrue(tester.getLastResponseAsString().contains("e-mailul NU a plecat (răspunsul rămâne în spatele"
                    + " codului): serverul de e-mail nu a putut fi contactat"), asked.displayTicket());
            tester.getSession().setLocale(Language.RU.locale());
            tester.executeUrl("admin/consultations/" + id);
            assertTrue(tester.getLastResponseAsString().contains("письмо НЕ ушло (ответ остаётся за кодом):"
                    + " не удалось связаться с почтовым сервером"));
            assertFalse(tester.getLastResponseAsString().contains("Exception"), "no server text");
        }
    }

    private static AuditRecord latestAudit() {
        return TestPortal.services().audit().newest(0, 1).get(0);
    }
}
