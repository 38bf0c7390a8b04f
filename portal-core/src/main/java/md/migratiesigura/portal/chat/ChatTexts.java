package md.migratiesigura.portal.chat;

import md.migratiesigura.portal.common.Language;

/** The chat's system messages, in the reader's language. */
final class ChatTexts {

    private ChatTexts() {
    }

    static String accepted(Language language) {
        return language == Language.RU ? "Консультант присоединился к разговору."
                : "Un consultant s-a alăturat conversației.";
    }

    static String givenBack(Language language) {
        return language == Language.RU
                ? "Консультант больше не на связи. Вы снова первый в очереди: следующий свободный консультант ответит вам."
                : "Consultantul nu mai este disponibil. Sunteți din nou primul la rând: vă va răspunde următorul consultant liber.";
    }

    static String transferred(Language language) {
        return language == Language.RU ? "Разговор передан коллеге." : "Conversația a fost transmisă unui coleg.";
    }

    static String endedByCounsellor(Language language) {
        return language == Language.RU ? "Консультант завершил разговор. Спасибо, что написали."
                : "Consultantul a încheiat conversația. Vă mulțumim că ne-ați scris.";
    }

    static String endedByReader(Language language) {
        return language == Language.RU ? "Вы завершили разговор." : "Ați încheiat conversația.";
    }

    static String endedIdle(Language language) {
        return language == Language.RU ? "Разговор завершён: долго не было сообщений."
                : "Conversația s-a încheiat: nu au mai fost mesaje de mult timp.";
    }

    static String inWriting(Language language, String ticket, String phrase, String answerUrl) {
        return language == Language.RU
                ? "Разговор продолжится письменно. Код обращения: " + ticket + ". Секретная фраза: " + phrase
                        + ". Запишите их: ответ можно прочитать здесь: " + answerUrl
                : "Conversația continuă în scris. Codul tichetului: " + ticket + ". Fraza secretă: " + phrase
                        + ". Notați-le: răspunsul îl citiți aici: " + answerUrl;
    }
}
