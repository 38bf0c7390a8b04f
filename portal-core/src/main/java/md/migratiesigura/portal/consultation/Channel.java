package md.migratiesigura.portal.consultation;

import java.util.Optional;

/**
 * How the person wants the answer: only behind the ticket code, by e-mail, or by phone. Every answer also waits
 * behind the ticket code, whatever the channel.
 */
public enum Channel {
    TICKET("ticket"),
    EMAIL("email"),
    PHONE("phone");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Channel> ofCode(String code) {
        for (Channel channel : values()) {
            if (channel.code.equals(code)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
