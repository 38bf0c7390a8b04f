package md.migratiesigura.portal.web.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.account.HashingSlots;
import md.migratiesigura.portal.account.HeldSlots;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.consultation.ConsultationCipher;
import md.migratiesigura.portal.consultation.FormStamps;
import md.migratiesigura.portal.consultation.InboxFilter;
import md.migratiesigura.portal.web.TestPortal;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public consultation pages in both languages, on the real core: asking, reading the answer, refusals. */
class ConsultationPagesTest {

    private static final Pattern TICKET = Pattern.compile("class=\"ticket-code\">([A-Z0-9-]+)<");
    private static final Pattern PHRASE = Pattern.compile("class=\"ticket-phrase\">([a-z0-9-]+)<");
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

    private static String form(Language language) {
        return language == Language.RO ? "ro/consultatie" : "ru/konsultatsiya";
    }

    private static String answerPage(Language language) {
        return language == Language.RO ? "ro/consultatie/raspuns" : "ru/konsultatsiya/otvet";
    }

    private static synchronized String newAddress() {
        return "198.18.0." + (++addresses);
    }

    /** A stamp from a form opened a minute ago: the minimum fill time has passed. */
    private static String minuteOldStamp() {
        byte[] secret = new ConsultationCipher(List.of(Base64.getDecoder().decode(TestPortal.CONSULTATION_KEY)))
                .derive("form-stamp");
        return new FormStamps(secret, Duration.ZERO, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1))).issue();
    }

    private String open(Language language) {
        tester.executeUrl(form(language));
        tester.assertRenderedPage(ConsultationPage.class);
        return tester.getLastResponseAsString();
    }

    private FormTester filled(String question, String stamp) {
        FormTester form = tester.newFormTester("form");
        form.select("topic", 1);
        form.setValue("question", question);
        form.setValue("consent", true);
        if (stamp != null) {
            form.setValue("stamp", stamp);
        }
        return form;
    }

    private String submit(FormTester form, String address) {
        tester.getRequest().setRemoteAddr(address);
        tester.addRequestHeader("sec-fetch-site", "same-origin"); // as a browser sends it; Wicket refuses others
        form.submit();
        return tester.getLastResponseAsString();
    }

    private static long openConsultations() {
        return TestPortal.services().consultations().inbox(InboxFilter.OPEN, TestPortal.administrator()).size();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFormIsStatelessNotCachedAndOffersTheDangerChoiceFirst(Language language) {
        String html = open(language);
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "no session for a visitor");
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control"));
        assertTrue(html.contains(language == Language.RO ? "Sunt în pericol acum" : "Я в опасности сейчас"));
        assertFalse(html.contains("href=\"tel:112\""), "what to do in danger is shown when asked for");
        assertTrue(html.contains(language == Language.RO ? "Ce păstrăm și cine citește" : "Что мы храним и кто читает"));
        assertTrue(html.contains(language == Language.RO ? "90 de zile" : "90 дней"), "how long is said");

        tester.executeUrl(form(language) + "?sos=1");
        html = tester.getLastResponseAsString();
        int emergency = html.indexOf("href=\"tel:112\"");
        assertTrue(emergency > 0, "112 is offered");
        assertTrue(emergency < html.indexOf("<h1"), "before anything else of the page");
        assertTrue(html.indexOf("href=\"tel:080077777\"", html.indexOf("<main")) > 0, "the hotline as click-to-call");
        assertTrue(html.contains("checked=\"checked\""), "the SOS box is ticked");
        assertTrue(tester.getSession().isTemporary());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aQuestionIsSentTheTicketAndPhraseAreShownOnceAndTheyReadTheAnswer(Language language) {
        open(language);
        long before = openConsultations();
        String html = submit(filled("Cum verific dacă agenția are licență? Как проверить агентство?", minuteOldStamp()), newAddress());
        assertEquals(200, tester.getLastResponse().getStatus());
        assertTrue(html.contains(language == Language.RO ? "Întrebarea ta a fost trimisă" : "Ваш вопрос отправлен"), html);
        Matcher ticket = TICKET.matcher(html);
        Matcher phrase = PHRASE.matcher(html);
        assertTrue(ticket.find() && phrase.find(), "ticket and phrase are shown");
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control"));
        assertTrue(tester.getSession().isTemporary(), "still no session after sending");
        assertFalse(html.contains("Cum verific dacă agenția"), "the question is not echoed into the page");
        assertEquals(before + 1, openConsultations());

        tester.executeUrl(answerPage(language));
        tester.assertRenderedPage(ConsultationAnswerPage.class);
        FormTester read = tester.newFormTester("form");
        read.setValue("ticket", ticket.group(1));
        read.setValue("phrase", "aaaa-bbbb-cccc-dddd");
        String wrong = submit(read, newAddress());
        String notFound = language == Language.RO ? "Nu am găsit niciun răspuns pentru acest cod" : "Мы не нашли ответа для этого кода";
        assertTrue(wrong.contains(notFound), wrong);
        assertEquals(404, tester.getLastResponse().getStatus());
        assertFalse(wrong.contains("Cum verific"), "a wrong phrase reveals nothing");

        tester.executeUrl(answerPage(language));
        read = tester.newFormTester("form");
        read.setValue("ticket", "ZZZZZ-ZZZZZ");
        read.setValue("phrase", phrase.group(1));
        assertTrue(submit(read, newAddress()).contains(notFound), "an unknown ticket gets the same message");

        tester.executeUrl(answerPage(language));
        read = tester.newFormTester("form");
        read.setValue("ticket", ticket.group(1).toLowerCase());
        read.setValue("phrase", phrase.group(1));
        String found = submit(read, newAddress());
        assertTrue(found.contains("Cum verific dacă agenția are licență?"), found);
        assertTrue(found.contains(language == Language.RO ? "așteaptă încă un răspuns" : "ещё ждёт ответа"));
        assertTrue(tester.getSession().isTemporary());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void missingOrWrongFieldsAreExplainedWith400AndNothingIsStored(Language language) {
        open(language);
        long before = openConsultations();
        String html = submit(filled("", minuteOldStamp()), newAddress());
        assertEquals(400, tester.getLastResponse().getStatus());
        assertTrue(html.contains(language == Language.RO ? "Scrie întrebarea ta." : "Напишите ваш вопрос."), html);

        open(language);
        FormTester form = filled("O întrebare", minuteOldStamp());
        form.select("channel", 1);
        form.setValue("contact", "nu-e-email");
        html = submit(form, newAddress());
        assertTrue(html.contains(language == Language.RO ? "Adresa de e-mail nu pare corectă" : "Адрес электронной почты выглядит неверно"));
        assertTrue(html.contains("nu-e-email"), "what was typed is kept in the form");

        open(language);
        form = filled("O întrebare", minuteOldStamp());
        form.setValue("consent", false);
        html = submit(form, newAddress());
        assertTrue(html.contains(language == Language.RO ? "Bifează „Am citit și sunt de acord”" : "Отметьте «Я прочитал(а) и согласен(на)»"));
        assertEquals(before, openConsultations());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aFilledHoneypotOrAFormSentTooFastIsRefusedPolitely(Language language) {
        open(language);
        long before = openConsultations();
        FormTester form = filled("Întrebare de la un robot", minuteOldStamp());
        form.setValue("website", "http://spam.example");
        String html = submit(form, newAddress());
        assertEquals(400, tester.getLastResponse().getStatus());
        assertTrue(html.contains(language == Language.RO ? "formularul pare completat automat" : "форма заполнена автоматически"));

        open(language);
        html = submit(filled("Întrebare trimisă într-o clipă", null), newAddress());
        assertTrue(html.contains(language == Language.RO ? "Formularul a fost trimis foarte repede" : "Форма отправлена слишком быстро"), html);
        assertEquals(before, openConsultations(), "nothing stored");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void oneAddressSendingTooManyQuestionsGetsA429WithAPoliteMessage(Language language) {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            open(language);
            submit(filled("Întrebarea " + i, minuteOldStamp()), address);
            assertEquals(200, tester.getLastResponse().getStatus());
        }
        open(language);
        String html = submit(filled("Încă una", minuteOldStamp()), address);
        assertEquals(429, tester.getLastResponse().getStatus());
        assertTrue(html.contains(language == Language.RO ? "Te rugăm să încerci din nou mai târziu" : "Пожалуйста, попробуйте позже"));
        open(language);
        submit(filled("De la altă adresă", minuteOldStamp()), newAddress());
        assertEquals(200, tester.getLastResponse().getStatus(), "another address is not affected");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSameFormCannotSendTheQuestionTwice(Language language) {
        open(language);
        String stamp = minuteOldStamp();
        submit(filled("O singură dată", stamp), newAddress());
        assertEquals(200, tester.getLastResponse().getStatus());
        open(language);
        String html = submit(filled("O singură dată", stamp), newAddress());
        assertTrue(html.contains(language == Language.RO ? "Această întrebare a fost deja trimisă" : "Этот вопрос уже отправлен"));
    }
    @ParameterizedTest
    @EnumSource(Language.class)
    void whileThePasswordHashingIsFullTheQuestionIsRefused503AndKeptToSendAgain(Language language) throws Exception {
        open(language);
        long before = openConsultations();
        String stamp = minuteOldStamp();
        String address = newAddress();
        String html;
        try (HeldSlots held = HeldSlots.of(HashingSlots.shared())) {
            html = submit(filled("Întrebare trimisă când serverul e ocupat", stamp), address);
        }
        assertEquals(503, tester.getLastResponse().getStatus());
        assertEquals("5", tester.getLastResponse().getHeader("Retry-After"));
        assertTrue(html.contains(language == Language.RO ? "Întrebarea nu a fost trimisă: serverul este foarte ocupat"
                : "Вопрос не отправлен: сервер сейчас перегружен"), html);
        assertTrue(html.contains("Întrebare trimisă când serverul e ocupat"), "what was typed is kept");
        assertEquals(before, openConsultations(), "nothing stored");

        html = submit(filled("Întrebare trimisă când serverul e ocupat", stamp), address);
        assertEquals(200, tester.getLastResponse().getStatus(), "the same form, sent again, goes through");
        assertEquals(before + 1, openConsultations());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void whileThePasswordHashingIsFullReadingTheAnswerIsRefused503(Language language) throws Exception {
        tester.executeUrl(answerPage(language));
        FormTester read = tester.newFormTester("form");
        read.setValue("ticket", "ABCD-EFGH-JK");
        read.setValue("phrase", "un-doi-trei-patru");
        String html;
        try (HeldSlots held = HeldSlots.of(HashingSlots.shared())) {
            html = submit(read, newAddress());
        }
        assertEquals(503, tester.getLastResponse().getStatus());
        assertTrue(html.contains(language == Language.RO ? "Serverul este foarte ocupat" : "Сервер сейчас перегружен"), html);
    }
}
