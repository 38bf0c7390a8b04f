package md.migratiesigura.portal.consultation;

import java.io.Serializable;

/** The ticket code and the secret phrase, shown to the person once; only a hash of the phrase is kept. */
public record Submitted(String ticket, String phrase) implements Serializable {

    /** The ticket as shown: two groups of five. */
    public String displayTicket() {
        return Tickets.display(ticket);
    }

    @Override
    public String toString() {
        return "Submitted[…]";
    }
}
