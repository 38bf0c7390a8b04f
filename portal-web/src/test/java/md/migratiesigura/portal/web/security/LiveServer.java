package md.migratiesigura.portal.web.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.web.PortalServer;
import md.migratiesigura.portal.web.TestPortal;

/**
 * A real portal on a free port and its own database, for tests that talk HTTP to it the way browsers and scripts do:
 * raw bytes where needed, HTML forms filled from the page they are on, and a JDBC look at what was stored. The
 * loopback address is its trusted proxy, so {@code X-Forwarded-For} sets the client address.
 */
final class LiveServer implements AutoCloseable {

    static final String ADMIN_EMAIL = TestPortal.ADMIN_EMAIL;
    static final String ADMIN_PASSWORD = TestPortal.ADMIN_PASSWORD;

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern FIELD = Pattern.compile(
            "<input\\b([^>]*)>|<textarea\\b([^>]*)>(.*?)</textarea>|<select\\b([^>]*)>(.*?)</select>|<button\\b([^>]*)>",
            Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");

    private final PortalServer server;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private LiveServer(PortalServer server, Map<String, String> env) {
        this.server = server;
        this.env = env;
    }

    static LiveServer start(String name) {
        return start(name, StaffSessions.DEFAULT_LIMIT);
    }

    /** A portal that keeps at most {@code sessionLimit} server sessions alive. */
    static LiveServer start(String name, int sessionLimit) {
        try {
            Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory(name));
            env.put("PORTAL_TRUSTED_PROXIES", "127.0.0.1/32, ::1");
            env.put("PORTAL_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_ONE_TIME_PASSWORD);
            PortalServer server = PortalServer.start(PortalConfig.from(env, new Properties()), sessionLimit);
            TestPortal.firstPasswordChanged(server.services());
            return new LiveServer(server, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PortalServer server() {
        return server;
    }

    /** The portal's data folder (PORTAL_DATA_DIR). */
    Path dataDir() {
        return Path.of(env.get("PORTAL_DATA_DIR"));
    }

    URI uri(String pathOrUrl) {
        return URI.create("http://localhost:" + server.port() + "/").resolve(pathOrUrl);
    }

    /** Sends a request; {@code path} must already be a valid URI (percent-encode what is not). */
    HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    /** GETs the address and follows the redirects Wicket sends to a stateful page's own address. */
    HttpResponse<String> follow(String pathOrUrl, Map<String, String> headers) {
        HttpResponse<String> response = get(uri(pathOrUrl).toString(), headers);
        for (int hop = 0; hop < 5 && response.statusCode() == 302; hop++) {
            response = get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString(),
                    headers);
        }
        return response;
    }

    /**
     * A request written byte by byte on a socket, for what {@link HttpClient} refuses to send (raw non-ASCII bytes in
     * the request line, a body far over the limit). Returns the status code and the start of the answer.
     */
    RawAnswer raw(byte[] requestLineTarget, String method, Map<String, String> headers, byte[] body, long declaredLength) {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((method + " ").getBytes(StandardCharsets.US_ASCII));
            head.write(requestLineTarget);
            StringBuilder rest = new StringBuilder(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            headers.forEach((k, v) -> rest.append(k).append(": ").append(v).append("\r\n"));
            if (body != null || declaredLength > 0) {
                rest.append("Content-Length: ").append(declaredLength > 0 ? declaredLength : body.length).append("\r\n");
            }
            rest.append("\r\n");
            head.write(rest.toString().getBytes(StandardCharsets.UTF_8));
            out.write(head.toByteArray());
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedWhileSending) {
                    // The server may answer and close before the whole body is sent: the answer is what counts.
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(64 * 1024);
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new RawAnswer(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record RawAnswer(int status, String text) {
    }

    /** Signs in through the login form and returns the {@code Cookie} header value of the session. */
    String signIn(String email, String password) {
        Map<String, String> browser = browserHeaders(null);
        HttpResponse<String> page = get("/admin/login", browser);
        HtmlForm form = HtmlForm.first(page.body(), "admin-form").orElseThrow();
        form.set("email", email).set("password", password);
        HttpResponse<String> answer = submit(uri("/admin/login"), form, null, browser);
        String cookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("PORTAL_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session after signing in: " + answer.statusCode()));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /** What a browser sends with a same-origin navigation, with the session cookie when given. */
    static Map<String, String> browserHeaders(String cookie) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Sec-Fetch-Site", "same-origin");
        headers.put("Sec-Fetch-Mode", "navigate");
        headers.put("Sec-Fetch-Dest", "document");
        headers.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36");
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        return headers;
    }

    /** Posts a form, url-encoded, from the page at {@code pageUri}; {@code button} is the submit button's name. */
    HttpResponse<String> submit(URI pageUri, HtmlForm form, String button, Map<String, String> headers) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/x-www-form-urlencoded");
        URI target = pageUri.resolve(form.action());
        return send("POST", target.toString(), withType, form.encoded(button));
    }

    /** Every text column of every table of the portal's database: table, column. */
    List<String[]> textColumns(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("select table_name, column_name from information_schema.columns"
                + " where table_schema = database() and data_type in"
                + " ('char','varchar','tinytext','text','mediumtext','longtext','enum','set','json')")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return columns;
    }

    /** Where in the database (table.column) any of the texts is stored. */
    List<String> whereStored(List<String> texts) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(env.get("PORTAL_DB_URL"), env.get("PORTAL_DB_USER"),
                env.get("PORTAL_DB_PASSWORD"))) {
            for (String[] column : textColumns(connection)) {
                for (String text : texts) {
                    String sql = "select count(*) from `" + column[0] + "` where instr(convert(`" + column[1]
                            + "` using utf8mb4), ?) > 0";
                    try (var statement = connection.prepareStatement(sql)) {
                        statement.setString(1, text);
                        try (ResultSet rows = statement.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + " holds " + text);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** One count query on the portal's database. */
    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(env.get("PORTAL_DB_URL"), env.get("PORTAL_DB_USER"),
                env.get("PORTAL_DB_PASSWORD")); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** An HTML form as the page shows it: its action and the fields a browser would send, in order. */
    static final class HtmlForm {
        private final String action;
        private final Map<String, byte[]> fields = new LinkedHashMap<>();
        private final List<String> textFields = new ArrayList<>();
        private final List<String> buttons = new ArrayList<>();
        private String fileField;
        private boolean multipart;

        private HtmlForm(String action) {
            this.action = action;
        }

        /** The first form whose opening tag contains {@code marker}. */
        static java.util.Optional<HtmlForm> first(String html, String marker) {
            Matcher forms = FORM.matcher(html);
            while (forms.find()) {
                if (forms.group(1).contains(marker)) {
                    return java.util.Optional.of(parse(forms.group(1), forms.group(2)));
                }
            }
            return java.util.Optional.empty();
        }

        private static HtmlForm parse(String tag, String inner) {
            HtmlForm form = new HtmlForm(unescape(attributes(tag).getOrDefault("action", "")));
            form.multipart = tag.contains("multipart/form-data");
            Matcher field = FIELD.matcher(inner);
            while (field.find()) {
                if (field.group(1) != null) {
                    Map<String, String> a = attributes(field.group(1));
                    String type = a.getOrDefault("type", "text");
                    String name = a.get("name");
                    if (name != null && type.equals("file")) {
                        form.fileField = name;
                    }
                    if (name == null || type.equals("file") || type.equals("submit")) {
                        continue;
                    }
                    if (type.equals("checkbox") || type.equals("radio")) {
                        if (field.group(1).contains("checked")) {
                            form.fields.put(name, utf8(unescape(a.getOrDefault("value", "on"))));
                        }
                        continue;
                    }
                    form.fields.put(name, utf8(unescape(a.getOrDefault("value", ""))));
                    if (!type.equals("hidden")) {
                        form.textFields.add(name);
                    }
                } else if (field.group(2) != null) {
                    String name = attributes(field.group(2)).get("name");
                    if (name != null) {
                        form.fields.put(name, utf8(unescape(field.group(3))));
                        form.textFields.add(name);
                    }
                } else if (field.group(4) != null) {
                    String name = attributes(field.group(4)).get("name");
                    String chosen = null;
                    Matcher option = OPTION.matcher(field.group(5));
                    while (option.find()) {
                        String value = attributes(option.group(1)).getOrDefault("value", "");
                        if (chosen == null && !value.isEmpty() || option.group(1).contains("selected")) {
                            chosen = value;
                        }
                    }
                    if (name != null) {
                        form.fields.put(name, utf8(chosen == null ? "" : unescape(chosen)));
                    }
                } else {
                    String name = attributes(field.group(6)).get("name");
                    if (name != null) {
                        form.buttons.add(name);
                    }
                }
            }
            return form;
        }

        String action() {
            return action;
        }

        List<String> textFields() {
            return textFields;
        }

        List<String> buttons() {
            return buttons;
        }

        /** The name of the first submit button whose name ends with the given text. */
        String buttonEndingWith(String suffix) {
            return buttons.stream().filter(b -> b.endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button " + suffix + " among " + buttons));
        }

        String fileField() {
            return fileField;
        }

        boolean multipart() {
            return multipart;
        }

        HtmlForm set(String name, String value) {
            return set(name, utf8(value));
        }

        HtmlForm set(String name, byte[] value) {
            fields.put(name, value);
            return this;
        }

        Map<String, byte[]> fields() {
            return fields;
        }

        byte[] encoded(String button) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, byte[]> all = new LinkedHashMap<>(fields);
            if (button != null) {
                all.put(button, new byte[0]);
            }
            boolean first = true;
            for (Map.Entry<String, byte[]> field : all.entrySet()) {
                out.writeBytes(((first ? "" : "&") + URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=")
                        .getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(percentEncode(field.getValue()).getBytes(StandardCharsets.US_ASCII));
                first = false;
            }
            return out.toByteArray();
        }

        private static Map<String, String> attributes(String tag) {
            Map<String, String> attributes = new HashMap<>();
            Matcher a = ATTRIBUTE.matcher(tag);
            while (a.find()) {
                attributes.put(a.group(1), a.group(2));
            }
            return attributes;
        }
    }

    /** Percent-encodes every byte but unreserved ASCII: broken UTF-8 stays broken on the wire. */
    static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#039;", "'").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
