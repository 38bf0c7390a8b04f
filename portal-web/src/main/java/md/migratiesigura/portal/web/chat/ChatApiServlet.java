package md.migratiesigura.portal.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import md.migratiesigura.portal.chat.ChatEvent;
import md.migratiesigura.portal.chat.ChatException;
import md.migratiesigura.portal.chat.ChatService;
import md.migratiesigura.portal.chat.ChatState;
import md.migratiesigura.portal.chat.ChatView;
import md.migratiesigura.portal.chat.Opening;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.IpRange;
import md.migratiesigura.portal.web.api.ApiServlet;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.consultation.ConsultationRoutes;
import md.migratiesigura.portal.web.security.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's JSON API (contract in docs/api.md). The token is read from {@code Authorization: Bearer} or the JSON
 * body, never from the address. {@code GET events} is a long-poll that parks no thread ({@link ChatWaiters}). Errors
 * are JSON {@code {"error"}} with 400, 401, 403 (blocked), 405, 413, 415 or 429; nothing a reader typed, and no
 * address, is logged.
 */
public class ChatApiServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(ChatApiServlet.class);
    /** A long-poll waits up to this long for news (the API's contract)... */
    static final Duration POLL = Duration.ofSeconds(25);
    /**
     * ...and at least this long: each wait is drawn between the two, so that readers who started together (a page
     * shared in a group, a bench) do not all come back in the same second, a burst the chat's slots then queue.
     */
    static final Duration POLL_AT_LEAST = Duration.ofSeconds(15);
    /** A JSON body larger than this is refused unread (a message of 2,000 characters fits several times). */
    static final int MAX_BODY = 16 * 1024;
    static final String HOTLINE = "0 800 77777";

    private final transient ChatService chats;
    private final transient List<IpRange> trustedProxies;
    private final transient PublicUrls urls;
    private final transient ChatWaiters waiters;

    public ChatApiServlet(ChatService chats, List<IpRange> trustedProxies, PublicUrls urls) {
        this.chats = chats;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.urls = urls;
        this.waiters = new ChatWaiters(chats, this::answer);
    }

    /** An answer with its status. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceAll("/+$", "");
        try {
            switch (path) {
                case "" -> {
                    method(request, response, "POST");
                    start(request, response);
                }
                case "/events" -> {
                    method(request, response, "GET");
                    events(request, response);
                }
                case "/messages" -> {
                    method(request, response, "POST");
                    JsonNode body = body(request);
                    long chat = chat(request, body);
                    JsonNode text = body.get("text");
                    JsonNode clientId = body.get("clientId");
                    if (text == null || !text.isTextual()) {
                        throw new Refusal(400, "\"text\" is required");
                    }
                    int seq = chats.send(chat, clientId == null || clientId.isNull() ? null : clientId.asText(),
                            text.asText());
                    write(response, 202, Map.of("seq", seq));
                }
                case "/typing" -> {
                    method(request, response, "POST");
                    chats.readerTyping(chat(request, body(request)));
                    response.setStatus(204);
                }
                case "/end" -> {
                    method(request, response, "POST");
                    chats.endByReader(chat(request, body(request)));
                    write(response, 200, Map.of("state", ChatState.ENDED.code()));
                }
                default -> throw new Refusal(404, "no such resource");
            }
        } catch (Refusal e) {
            write(response, e.status, Map.of("error", e.getMessage()));
        } catch (ChatException e) {
            write(response, status(e.reason()), Map.of("error", message(e.reason())));
        } catch (RuntimeException e) {
            log.error("Chat API failure on {}: {}", path, e.getClass().getName());
            write(response, 500, Map.of("error", "internal error"));
        }
    }

    private static int status(ChatException.Reason reason) {
        return switch (reason) {
            case NO_CHAT -> 401;
            case EMPTY -> 400;
            case TOO_LONG -> 413;
            case TOO_MANY -> 429;
            case BLOCKED -> 403;
            case NOT_POSSIBLE -> 409;
        };
    }

    private static String message(ChatException.Reason reason) {
        return switch (reason) {
            case NO_CHAT -> "no chat for this token: it is wrong or the chat has ended";
            case EMPTY -> "the message is empty";
            case TOO_LONG -> "a message has at most " + ChatService.MAX_TEXT + " characters";
            case TOO_MANY -> "too many requests: wait a minute";
            case BLOCKED -> "this chat was ended by the counsellor";
            case NOT_POSSIBLE -> "not possible now";
        };
    }

    private static void method(HttpServletRequest request, HttpServletResponse response, String allowed) throws Refusal {
        if (!allowed.equals(request.getMethod())) {
            response.setHeader("Allow", allowed);
            throw new Refusal(405, "method " + request.getMethod() + " is not allowed here; use " + allowed);
        }
    }

    /** The JSON body of a POST: {@code application/json}, at most {@link #MAX_BODY} bytes, an object. */
    private static JsonNode body(HttpServletRequest request) throws Refusal, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new Refusal(415, "send application/json");
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new Refusal(413, "the body is too large");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new Refusal(413, "the body is too large");
        }
        if (bytes.length == 0) {
            return ApiServlet.JSON.createObjectNode();
        }
        try {
            JsonNode node = ApiServlet.JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Refusal(400, "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "the body is not valid JSON");
        }
    }

    /** The chat of the token in the Authorization header or the body. */
    private long chat(HttpServletRequest request, JsonNode body) throws Refusal {
        return chats.chatOf(token(request, body)).orElseThrow(() -> new Refusal(401, message(ChatException.Reason.NO_CHAT)));
    }

    /** The token in the Authorization header or the body. */
    private static String token(HttpServletRequest request, JsonNode body) throws Refusal {
        String token = null;
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).strip();
        } else if (body != null && body.hasNonNull("token")) {
            token = body.get("token").asText();
        }
        if (token == null) {
            throw new Refusal(401, "the token is missing (Authorization: Bearer)");
        }
        return token;
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws Refusal, IOException {
        JsonNode body = body(request);
        JsonNode lang = body.get("lang");
        Optional<Language> language = lang == null ? Optional.of(Language.RO) : Language.ofCode(lang.asText());
        if (language.isEmpty()) {
            throw new Refusal(400, "\"lang\" is \"ro\" or \"ru\"");
        }
        JsonNode sos = body.get("sos");
        if (sos != null && !sos.isBoolean()) {
            throw new Refusal(400, "\"sos\" is true or false");
        }
        Opening opening = chats.open(language.get(), sos != null && sos.asBoolean(),
                ClientAddress.of(request, trustedProxies));
        if (opening instanceof Opening.Started started) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("token", started.token());
            answer.put("state", ChatState.QUEUED.code());
            answer.put("position", started.position());
            answer.put("waitMinutes", started.waitMinutes());
            write(response, 201, answer);
        } else if (opening instanceof Opening.Closed closed) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("state", "closed");
            answer.put("reason", closed.reason());
            answer.put("opens", closed.opens());
            answer.put("hotline", HOTLINE);
            answer.put("consultationUrl", urls.absolute(ConsultationRoutes.consultation(language.get())));
            write(response, 200, answer);
        }
    }

    private void events(HttpServletRequest request, HttpServletResponse response) throws Refusal, IOException {
        String token = token(request, null);
        int after;
        try {
            String value = request.getParameter("after");
            after = value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
            if (after < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new Refusal(400, "\"after\" is the last seq seen, a whole number");
        }
        // What the reader sees now, and its fingerprint read with it, which later states are compared with: one
        // transaction with the token's lookup.
        ChatView view = chats.readerView(token, after)
                .orElseThrow(() -> new Refusal(401, message(ChatException.Reason.NO_CHAT)));
        long chat = view.id();
        String fingerprint = view.fingerprint();
        if (!view.events().isEmpty() || view.state() == ChatState.ENDED) {
            writeView(response, view);
            return;
        }
        AsyncContext context = request.startAsync();
        context.setTimeout(POLL.toMillis() + 10_000);
        ChatWaiters.Waiter waiter = new ChatWaiters.Waiter(chat, after, fingerprint, Instant.now().plus(pollWait()), context,
                view);
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                waiters.remove(waiter);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                waiters.remove(waiter);
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                waiters.remove(waiter);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
        waiters.add(waiter);
    }

    /** A wait between {@link #POLL_AT_LEAST} and {@link #POLL}. */
    static Duration pollWait() {
        return POLL_AT_LEAST.plusMillis(ThreadLocalRandom.current().nextLong(POLL.minus(POLL_AT_LEAST).toMillis() + 1));
    }

    /**
     * Answers a suspended reader: its news after its seq when its chat changed; when the wait ran out with nothing
     * changed (the poller's fingerprint), the view it started from, read from no database.
     */
    private void answer(ChatWaiters.Waiter waiter, boolean changed) {
        HttpServletResponse response = (HttpServletResponse) waiter.context().getResponse();
        try {
            writeView(response, changed ? chats.readerView(waiter.chatId(), waiter.after()) : waiter.view());
        } catch (ChatException e) {
            quietly(() -> write(response, status(e.reason()), Map.of("error", message(e.reason()))));
        } catch (RuntimeException | IOException e) {
            log.warn("A chat long-poll could not be answered: {}", e.getClass().getName());
            quietly(() -> write(response, 503, Map.of("error", "try again")));
        } finally {
            waiter.context().complete();
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void quietly(Io io) {
        try {
            io.run();
        } catch (IOException | RuntimeException e) {
            // the reader has gone
        }
    }

    private static void writeView(HttpServletResponse response, ChatView view) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("state", view.state().code());
        answer.put("position", view.position());
        if (view.waitMinutes() != null) {
            answer.put("waitMinutes", view.waitMinutes());
        }
        answer.put("typing", view.typing());
        answer.put("events", view.events().stream().map(ChatApiServlet::event).toList());
        write(response, 200, answer);
    }

    static Map<String, Object> event(ChatEvent e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seq", e.seq());
        map.put("from", e.from().code());
        map.put("text", e.text());
        map.put("at", e.at().toString());
        return map;
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(ApiServlet.JSON.writeValueAsBytes(body));
    }

    @Override
    public void destroy() {
        waiters.close();
    }
}
