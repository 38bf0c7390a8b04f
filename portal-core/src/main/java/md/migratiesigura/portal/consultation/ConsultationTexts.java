package md.migratiesigura.portal.consultation;

import static md.migratiesigura.portal.consultation.ConsultationService.MAX_CONTACT;
import static md.migratiesigura.portal.consultation.ConsultationService.MAX_MESSAGE;
import static md.migratiesigura.portal.consultation.ConsultationService.MAX_QUESTION;

import md.migratiesigura.portal.consultation.ConsultationException.Reason;
import md.migratiesigura.portal.content.TextRules;

/**
 * What the consultations accept as text: a question, a contact, a reply or note, a referral service's name. Each
 * is returned stripped, or refused with a {@link ConsultationException} that says why.
 */
final class ConsultationTexts {

    private ConsultationTexts() {
    }

    /** The question the public asks. */
    static String question(String text) {
        return longText(text, Reason.QUESTION_MISSING, MAX_QUESTION);
    }

    /** How the person wants the answer: nothing for a ticket, else an e-mail address or a phone number. */
    static String contact(Channel channel, String typed) {
        if (channel == Channel.TICKET) {
            return null;
        }
        String contact = typed == null ? "" : typed.strip();
        if (contact.isEmpty()) {
            throw new ConsultationException(Reason.CONTACT_MISSING);
        }
        if (channel == Channel.EMAIL) {
            if (contact.length() > MAX_CONTACT || !contact.matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+")) {
                throw new ConsultationException(Reason.EMAIL_INVALID);
            }
            return contact;
        }
        long digits = contact.chars().filter(Character::isDigit).count();
        if (contact.length() > 30 || !contact.matches("\\+?[0-9 ()./-]+") || digits < 6 || digits > 15) {
            throw new ConsultationException(Reason.PHONE_INVALID);
        }
        return contact;
    }

    /** Control and invisible characters are refused: they hide text from the counsellor or break the mail. */
    private static void requireClean(String text, boolean multiline, Reason reason) {
        try {
            TextRules.requireCleanText("text", text, multiline);
        } catch (IllegalArgumentException e) {
            throw new ConsultationException(reason);
        }
    }

    /** A counsellor's reply or note. */
    static String message(String text) {
        return longText(text, Reason.TEXT_MISSING, MAX_MESSAGE);
    }

    /** A text of several lines: required, at most {@code max} characters (else QUESTION_TOO_LONG), clean. */
    private static String longText(String typed, Reason missing, int max) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new ConsultationException(missing);
        }
        if (text.length() > max) {
            throw new ConsultationException(Reason.QUESTION_TOO_LONG);
        }
        requireClean(text, true, Reason.TEXT_INVALID);
        return text;
    }

    /** A referral service's name in one language. */
    static String referralName(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > ReferralService.MAX_REFERRAL_NAME) {
            throw new ConsultationException(Reason.NAME_INVALID);
        }
        requireClean(name, false, Reason.NAME_INVALID);
        return name;
    }
}
