package md.migratiesigura.portal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The portal's settings, read from {@code PORTAL_*} environment variables; a system property of the same name in
 * lower case with dots ({@code portal.db.url}) overrides the variable. Every value is checked here, so a wrong one
 * stops the start with a {@link ConfigException} naming it.
 *
 * @param port           HTTP port, 0 for any free one
 * @param dataDir        where the portal writes: embedded database, search index, uploads
 * @param dbUrl          an external {@code jdbc:mariadb://} URL (several hosts for a cluster, or
 *                       {@code jdbc:mariadb:sequential://}); empty means the embedded database
 * @param contentDir     seed content folder; empty means the content bundled in the jar
 * @param baseUrl        absolute public address; empty means {@code http://localhost:PORT}
 * @param trustedProxies addresses whose {@code X-Forwarded-*} headers are believed
 * @param visitCounting  whether public pageviews are counted ({@code PORTAL_VISIT_COUNTING=on|off}, on by default;
 *                       off only to measure what counting costs)
 * @param consultations  online consultations: encryption keys, retention, form timing, SMTP
 * @param chat           the live chat: opening hours and how many chats a counsellor holds
 */
public record PortalConfig(
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        Optional<Path> contentDir,
        Optional<String> adminEmail,
        Optional<String> adminPassword,
        Optional<String> baseUrl,
        List<IpRange> trustedProxies,
        boolean visitCounting,
        ConsultationSettings consultations,
        ChatSettings chat) {

    public static final int DEFAULT_PORT = 8080;

    public PortalConfig {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Reads the settings of this process: its environment, overridden by its system properties. */
    public static PortalConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** Reads the settings from the given environment and system properties (tests pass their own). */
    public static PortalConfig from(Map<String, String> env, Properties systemProperties) {
        Settings s = new Settings(env, systemProperties);
        return new PortalConfig(
                s.port("PORTAL_PORT"),
                s.path("PORTAL_DATA_DIR").orElse(Path.of("data")).toAbsolutePath().normalize(),
                s.jdbcUrl("PORTAL_DB_URL"),
                s.get("PORTAL_DB_USER").orElse("root"),
                s.raw("PORTAL_DB_PASSWORD").orElse(""),
                s.path("PORTAL_CONTENT_DIR").map(p -> p.toAbsolutePath().normalize()),
                s.email("PORTAL_ADMIN_EMAIL"),
                s.raw("PORTAL_ADMIN_PASSWORD").filter(p -> !p.isEmpty()),
                s.baseUrl("PORTAL_BASE_URL"),
                s.ipRanges("PORTAL_TRUSTED_PROXIES"),
                s.onOff("PORTAL_VISIT_COUNTING", true),
                s.consultations(),
                s.chat());
    }

    /** The same settings on another port (the server reports the port it really bound). */
    public PortalConfig withPort(int newPort) {
        return new PortalConfig(newPort, dataDir, dbUrl, dbUser, dbPassword, contentDir, adminEmail, adminPassword,
                baseUrl, trustedProxies, visitCounting, consultations, chat);
    }

    /** The public base address without a trailing slash. */
    public String publicBaseUrl() {
        return baseUrl.orElse("http://localhost:" + port);
    }

    /** Reads one setting at a time, so that each error names its variable. */
    private static final class Settings {
        private final Map<String, String> env;
        private final Properties props;

        Settings(Map<String, String> env, Properties props) {
            this.env = env;
            this.props = props;
        }

        /** The value as given, possibly empty: passwords may legitimately be blank or padded. */
        Optional<String> raw(String name) {
            String property = props.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
            return Optional.ofNullable(property != null ? property : env.get(name));
        }

        /** The trimmed value; blank counts as unset. */
        Optional<String> get(String name) {
            return raw(name).map(String::trim).filter(v -> !v.isEmpty());
        }

        int port(String name) {
            Optional<String> value = get(name);
            if (value.isEmpty()) {
                return DEFAULT_PORT;
            }
            try {
                int port = Integer.parseInt(value.get());
                if (port < 0 || port > 65535) {
                    throw new ConfigException(name, "must be a port number between 0 and 65535, got '" + value.get() + "'");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new ConfigException(name, "must be a port number between 0 and 65535, got '" + value.get() + "'");
            }
        }

        Optional<Path> path(String name) {
            return get(name).map(v -> {
                try {
                    return Path.of(v);
                } catch (InvalidPathException e) {
                    throw new ConfigException(name, "is not a valid path: '" + v + "'");
                }
            });
        }

        Optional<String> jdbcUrl(String name) {
            return get(name).map(v -> {
                String mode = v.startsWith("jdbc:mariadb:") && !v.startsWith("jdbc:mariadb://")
                        ? v.substring("jdbc:mariadb:".length(), Math.max(v.indexOf("//"), "jdbc:mariadb:".length()))
                        : null;
                if (mode != null && mode.endsWith(":")) {
                    String refused = REFUSED_DB_MODES.get(mode.substring(0, mode.length() - 1).toLowerCase(Locale.ROOT));
                    if (refused != null) {
                        throw new ConfigException(name, refused + " (docs/cluster.md), got '" + redactUrl(v) + "'");
                    }
                }
                if (!v.startsWith("jdbc:mariadb://") && !v.startsWith("jdbc:mysql://")
                        && !v.startsWith("jdbc:mariadb:sequential://")) {
                    throw new ConfigException(name, "must be a jdbc:mariadb:// URL (one host or several separated by"
                            + " commas) or jdbc:mariadb:sequential://, got '" + redactUrl(v) + "'");
                }
                return v;
            });
        }

        Optional<String> email(String name) {
            return get(name).map(v -> {
                if (!v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new ConfigException(name, "is not an e-mail address: '" + v + "'");
                }
                return v.toLowerCase(Locale.ROOT);
            });
        }

        Optional<String> baseUrl(String name) {
            return get(name).map(v -> {
                try {
                    URI uri = new URI(v);
                    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                        throw new ConfigException(name, "must be an absolute http(s) address, got '" + v + "'");
                    }
                } catch (URISyntaxException e) {
                    throw new ConfigException(name, "must be an absolute http(s) address, got '" + v + "'");
                }
                return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
            });
        }

        boolean onOff(String name, boolean defaultValue) {
            Optional<String> value = get(name).map(v -> v.toLowerCase(Locale.ROOT));
            if (value.isEmpty()) {
                return defaultValue;
            }
            return switch (value.get()) {
                case "on", "true", "yes", "1" -> true;
                case "off", "false", "no", "0" -> false;
                default -> throw new ConfigException(name, "must be 'on' or 'off', got '" + value.get() + "'");
            };
        }

        // Online consultations: keys, retention, form timing, SMTP.
        ConsultationSettings consultations() {
            return new ConsultationSettings(keys("PORTAL_CONSULTATION_KEY"),
                    number("PORTAL_CONSULTATION_RETENTION_DAYS", ConsultationSettings.DEFAULT_RETENTION_DAYS, 1, 3650),
                    Duration.ofSeconds(number("PORTAL_CONSULTATION_MIN_FILL_SECONDS",
                            (int) ConsultationSettings.DEFAULT_MIN_FILL_TIME.toSeconds(), 0, 600)),
                    mail());
        }

        // The live chat: PORTAL_CHAT_HOURS and PORTAL_CHAT_CAPACITY.
        ChatSettings chat() {
            int capacity = number("PORTAL_CHAT_CAPACITY", ChatSettings.DEFAULT_CAPACITY, 1, 5);
            String hours = get("PORTAL_CHAT_HOURS").orElse(ChatSettings.DEFAULT_HOURS);
            ChatSettings settings = ChatSettings.parse(hours, capacity);
            if (settings == null) {
                throw new ConfigException("PORTAL_CHAT_HOURS", "must be opening hours such as 08:00-20:00 (Chisinau"
                        + " time; 00:00-24:00 for always), got '" + hours + "'");
            }
            return settings;
        }

        /** Base64 AES-256 keys, comma-separated; the value itself never appears in a message. */
        List<byte[]> keys(String name) {
            List<byte[]> keys = new ArrayList<>();
            for (String part : get(name).orElse("").split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(part.strip());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, "must be base64-encoded 256-bit keys (32 bytes each), comma-separated;"
                            + " key " + (keys.size() + 1) + " is not base64");
                }
                if (key.length != 32) {
                    throw new ConfigException(name, "must be base64-encoded 256-bit keys (32 bytes each), comma-separated;"
                            + " key " + (keys.size() + 1) + " has " + key.length + " bytes");
                }
                keys.add(key);
            }
            return keys;
        }

        int number(String name, int defaultValue, int min, int max) {
            Optional<String> value = get(name);
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                int n = Integer.parseInt(value.get());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigException(name, "must be a whole number from " + min + " to " + max + ", got '" + value.get() + "'");
        }

        Optional<ConsultationSettings.MailSettings> mail() {
            Optional<String> host = get("PORTAL_SMTP_HOST");
            if (host.isEmpty()) {
                return Optional.empty();
            }
            if (!host.get().matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
                throw new ConfigException("PORTAL_SMTP_HOST", "is not a host name or address: '" + host.get() + "'");
            }
            String tlsValue = get("PORTAL_SMTP_TLS").orElse("starttls").toLowerCase(Locale.ROOT);
            ConsultationSettings.Tls tls = switch (tlsValue) {
                case "starttls" -> ConsultationSettings.Tls.STARTTLS;
                case "ssl", "tls" -> ConsultationSettings.Tls.SSL;
                case "off", "none" -> ConsultationSettings.Tls.OFF;
                default -> throw new ConfigException("PORTAL_SMTP_TLS", "must be 'starttls', 'ssl' or 'off', got '" + tlsValue + "'");
            };
            int port = number("PORTAL_SMTP_PORT", tls == ConsultationSettings.Tls.SSL ? 465 : 587, 1, 65535);
            String from = email("PORTAL_SMTP_FROM").orElseThrow(() -> new ConfigException("PORTAL_SMTP_FROM",
                    "is required when PORTAL_SMTP_HOST is set (the address replies are sent from)"));
            return Optional.of(new ConsultationSettings.MailSettings(host.get(), port, get("PORTAL_SMTP_USER"),
                    raw("PORTAL_SMTP_PASSWORD").orElse(""), from, tls));
        }

        List<IpRange> ipRanges(String name) {
            List<IpRange> ranges = new ArrayList<>();
            for (String part : get(name).orElse("").split("[,\\s]+")) {
                if (!part.isBlank()) {
                    try {
                        ranges.add(IpRange.parse(part));
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(name, "'" + part + "' is not an address or CIDR range");
                    }
                }
            }
            return ranges;
        }
    }

    /**
     * Connector/J's high-availability modes that the portal refuses, with the reason. On a Galera cluster every node
     * takes writes, but two nodes writing the same rows at once make one of them fail at commit; so the portal writes
     * through one node at a time ({@code jdbc:mariadb://h1,h2,h3/db} or {@code jdbc:mariadb:sequential://...}).
     */
    private static final Map<String, String> REFUSED_DB_MODES = Map.of(
            "loadbalance", "must not be a loadbalance URL: it spreads writes over all the nodes, and on a Galera cluster"
                    + " concurrent writes on several nodes fail at commit; use jdbc:mariadb:sequential:// (one node at a"
                    + " time, the next when it fails)",
            "load-balance-read", "must not be a load-balance-read URL: it is made for a primary with read-only replicas,"
                    + " which a Galera cluster does not have; use jdbc:mariadb:sequential://",
            "replication", "must not be a replication URL: it expects one primary and read-only replicas, which a Galera"
                    + " cluster does not have (every node is writable); use jdbc:mariadb:sequential://");

    /** How many database hosts a JDBC URL names ({@code jdbc:mariadb://h1,h2,h3/db} names three). */
    public static int dbHostCount(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return 1;
        }
        String rest = url.substring(start + 2);
        int end = rest.indexOf('/');
        String hosts = end < 0 ? rest : rest.substring(0, end);
        hosts = hosts.substring(hosts.lastIndexOf('@') + 1);
        return (int) Math.max(1, hosts.chars().filter(c -> c == ',').count() + 1);
    }

    /** A JDBC URL with any password (parameter or user-info) blanked, for messages. */
    public static String redactUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
    }
}
