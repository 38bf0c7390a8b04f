package md.migratiesigura.portal.consultation;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Ticket codes and secret phrases, from an alphabet without look-alikes (no 0/O, 1/I/L, no U/V pair): easy to read
 * aloud, copy by hand on a phone, and type on a Latin or a Cyrillic layout switched to Latin. A ticket has 10
 * characters (about 49 bits) and only finds the consultation; the phrase (16 characters, about 79 bits) opens it.
 */
public final class Tickets {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    public static final int TICKET_LENGTH = 10;
    public static final int PHRASE_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    String newTicket() {
        return random(TICKET_LENGTH);
    }

    /** Four groups of four, in lower case: {@code k7m2-9qxp-4t3a-zz8c}. */
    String newPhrase() {
        String raw = random(PHRASE_LENGTH).toLowerCase(Locale.ROOT);
        return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-" + raw.substring(12);
    }

    private String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** A ticket as typed (spaces, dashes, lower case, O for 0…) in its stored form, or null when it cannot be one. */
    public static String normalizeTicket(String typed) {
        String canonical = canonical(typed);
        return canonical != null && canonical.length() == TICKET_LENGTH ? canonical : null;
    }

    /** A phrase as typed, without separators and in upper case, as it is hashed; null when it cannot be one. */
    static String normalizePhrase(String typed) {
        String canonical = canonical(typed);
        return canonical != null && canonical.length() == PHRASE_LENGTH ? canonical : null;
    }

    /** The ticket shown in two halves: {@code K7M2Q-9XP4T}. */
    public static String display(String ticket) {
        return ticket.length() == TICKET_LENGTH ? ticket.substring(0, 5) + "-" + ticket.substring(5) : ticket;
    }

    private static String canonical(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '.' || c == '\t') {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0) {
                return null;
            }
            out.append(mapped);
        }
        return out.toString();
    }
}
