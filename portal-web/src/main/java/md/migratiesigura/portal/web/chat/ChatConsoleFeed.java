package md.migratiesigura.portal.web.chat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.chat.ChatConsole;
import md.migratiesigura.portal.chat.ChatException;
import md.migratiesigura.portal.chat.ConsoleSnapshot;
import md.migratiesigura.portal.chat.CounsellorChat;
import md.migratiesigura.portal.chat.WaitingChat;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.consultation.Submitted;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.api.ApiServlet;
import md.migratiesigura.portal.web.consultation.ConsultationRoutes;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.Session;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.ResourceReference;
import org.apache.wicket.resource.loader.PackageStringResourceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's JSON feed under {@code /admin/chat/feed}: one POST ({@code application/json}, same-site only, as
 * {@code AdminIsolationFilter} requires of the back office) per poll or action. A poll says the counsellor is there,
 * and answers the waiting chats (language, SOS, waiting time, never a text) and the counsellor's chats with their
 * new messages, all read on one connection ({@link ConsoleSnapshot}); the waiting list only when it changed since the
 * {@code waitingVersion} the console sent back (otherwise {@code waiting} is left out and the console keeps its list).
 * Counsellors and administrators only. Closing a chat ({@code close}) and ending an abusive one
 * ({@code block}) need the kind for the hotline register ({@code "kind"}: an {@link EntryKind} code); without a valid
 * one the answer is 400 with {@code {"error": "KIND", "message"}} in the counsellor's language, and nothing is closed.
 */
final class ChatConsoleFeed extends AbstractResource {

    private static final Logger log = LoggerFactory.getLogger(ChatConsoleFeed.class);

    static final ResourceReference REFERENCE = new ResourceReference(ChatConsoleFeed.class, "feed") {
        @Override
        public ChatConsoleFeed getResource() {
            return new ChatConsoleFeed();
        }
    };

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        ResourceResponse response = new ResourceResponse();
        response.setContentType("application/json");
        response.setTextEncoding("UTF-8");
        response.disableCaching();
        HttpServletRequest http = (HttpServletRequest) attributes.getRequest().getContainerRequest();
        Optional<SignedInUser> user = StaffSession.get().isSignedIn() && !StaffSession.get().passwordChangeRequired()
                ? StaffSession.get().user() : Optional.empty();
        Object body;
        int status = 200;
        if (user.isEmpty() || !(user.get().role() == Role.COUNSELLOR || user.get().role() == Role.ADMINISTRATOR)) {
            status = 403;
            body = Map.of("error", "counsellors only");
        } else if (!"POST".equals(http.getMethod()) || http.getContentType() == null
                || !http.getContentType().startsWith("application/json")) {
            status = 405;
            body = Map.of("error", "POST application/json");
        } else {
            try {
                if (http.getServletContext().getAttribute(ChatConsoleSessions.class.getName())
                        instanceof ChatConsoleSessions sessions && http.getSession(false) != null) {
                    sessions.seen(http.getSession(false), user.get().id());
                }
                body = handle(user.get(), read(http));
            } catch (NoKind e) {
                status = 400;
                body = Map.of("error", "KIND", "message", text("chat.console.kindRequired"));
            } catch (ChatException e) {
                status = e.reason() == ChatException.Reason.TOO_LONG ? 413 : 409;
                body = Map.of("error", e.reason().name());
            } catch (IOException | IllegalArgumentException e) {
                status = 400;
                body = Map.of("error", "bad request");
            } catch (RuntimeException e) {
                // A database failure (a node lost mid-request): the console tries again at its next poll. The
                // message may quote SQL or a value, so only the class is logged.
                log.warn("Chat console request failed: {}", e.getClass().getSimpleName());
                status = 503;
                body = Map.of("error", "UNAVAILABLE");
            }
        }
        byte[] bytes = json(body);
        int answered = status;
        // The status is set here rather than on the ResourceResponse: Wicket writes no body for a status of 300 or
        // more, and the console shows the refusal's message (a missing kind) from the body.
        response.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes a) {
                ((WebResponse) a.getResponse()).setStatus(answered);
                a.getResponse().write(bytes);
            }
        });
        return response;
    }

    private static byte[] json(Object body) {
        try {
            return ApiServlet.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static JsonNode read(HttpServletRequest http) throws IOException {
        try (InputStream in = http.getInputStream()) {
            byte[] bytes = in.readNBytes(ChatApiServlet.MAX_BODY + 1);
            if (bytes.length > ChatApiServlet.MAX_BODY) {
                throw new IllegalArgumentException("too large");
            }
            JsonNode node = ApiServlet.JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return node;
        }
    }

    private static Map<String, Object> handle(SignedInUser user, JsonNode request) {
        ChatConsole console = PortalApplication.get().chatConsole();
        String action = request.path("action").asText("poll");
        long id = request.path("id").asLong(0);
        Map<String, Object> answer = new LinkedHashMap<>();
        // Read before any action runs, so that a bad key refuses the request without having changed anything.
        Map<Long, Integer> after = new HashMap<>();
        request.path("after").fields().forEachRemaining(e -> after.put(Long.parseLong(e.getKey()), e.getValue().asInt()));
        switch (action) {
            case "poll" -> {
                // nothing more than the poll below
            }
            case "available" -> console.presence(user, request.path("available").asBoolean(false));
            case "accept" -> console.accept(user, id);
            case "send" -> answer.put("seq", console.send(user, id, clientId(request), request.path("text").asText("")));
            case "typing" -> console.typing(user, id);
            case "close" -> console.close(user, id, topic(request), kind(request));
            case "block" -> console.endAndBlock(user, id, topic(request), kind(request));
            case "transfer" -> console.transfer(user, id, request.path("to").asLong(0), request.path("note").asText(""));
            case "writing" -> {
                Submitted submitted = console.continueInWriting(user, id, topic(request),
                        PortalApplication.get().urls().absolute(ConsultationRoutes.answer(
                                PortalApplication.get().chat().language(id))));
                answer.put("ticket", submitted.displayTicket());
            }
            default -> throw new IllegalArgumentException("unknown action");
        }
        // One transaction for all the console shows; the waiting list only when the console's version is stale.
        JsonNode known = request.path("waitingVersion");
        ConsoleSnapshot snapshot = console.snapshot(user, after, known.isTextual() ? known.asText() : null);
        answer.put("available", snapshot.available());
        answer.put("capacity", PortalApplication.get().chat().settings().capacity());
        if (snapshot.waiting() != null) {
            answer.put("waiting", snapshot.waiting().stream().map(ChatConsoleFeed::waiting).toList());
        }
        answer.put("waitingVersion", snapshot.waitingVersion());
        answer.put("chats", snapshot.chats().stream().map(ChatConsoleFeed::chat).toList());
        answer.put("colleagues", snapshot.colleagues().stream()
                .map(c -> Map.of("id", c.id(), "name", c.name())).toList());
        answer.put("canned", snapshot.canned().stream()
                .map(c -> Map.of("lang", c.language().code(), "text", c.text())).toList());
        answer.put("at", Instant.now().toString());
        return answer;
    }

    private static String clientId(JsonNode request) {
        String value = request.path("clientId").asText(null);
        return value != null && value.matches("[A-Za-z0-9_-]{1,64}") ? value : null;
    }

    private static Topic topic(JsonNode request) {
        return Topic.ofCode(request.path("topic").asText("")).orElse(Topic.OTHER);
    }

    /** The kind the counsellor confirmed for the register; {@link NoKind} when missing or not a kind. */
    private static EntryKind kind(JsonNode request) {
        return EntryKind.ofCode(request.path("kind").asText("")).orElseThrow(NoKind::new);
    }

    /** The close or block came without a valid kind. */
    private static final class NoKind extends RuntimeException {
        NoKind() {
            super("no kind", null, false, false);
        }
    }

    /** A text of this package in the counsellor's language. */
    private static String text(String key) {
        String text = new PackageStringResourceLoader().loadStringResource(ChatConsoleFeed.class, key,
                Session.get().getLocale(), null, null);
        return text != null ? text : key;
    }

    private static Map<String, Object> waiting(WaitingChat w) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", w.id());
        map.put("lang", w.language().code());
        map.put("sos", w.sos());
        map.put("waitingSeconds", w.waitingSeconds());
        map.put("returned", w.requeued());
        return map;
    }

    private static Map<String, Object> chat(CounsellorChat c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", c.id());
        map.put("lang", c.language().code());
        map.put("sos", c.sos());
        map.put("typing", c.readerTyping());
        map.put("note", c.transferNote());
        List<Map<String, Object>> events = c.events().stream().map(ChatApiServlet::event).toList();
        map.put("events", events);
        return map;
    }
}
