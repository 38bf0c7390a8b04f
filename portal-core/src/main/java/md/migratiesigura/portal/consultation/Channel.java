package md.migratiesigura.portal.consultation;

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

    public static java.util.Optional<Channel> ofCode(String code) {
        for (Channel channel : values()) {
            if (channel.code.equals(code)) {
                return java.util.Optional.of(channel);
            }
        }
        return java.util.Optional.empty();
    }
}
