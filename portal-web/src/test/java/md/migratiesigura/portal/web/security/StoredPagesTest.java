package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.consultation.Channel;
import md.migratiesigura.portal.consultation.InboxFilter;
import md.migratiesigura.portal.consultation.NewConsultation;
import md.migratiesigura.portal.consultation.Submitted;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.web.TestPortal;
import org.junit.jupiter.api.Test;

/**
 * What a person wrote to the hotline is sealed in the database and nowhere else in clear: a counsellor opens a
 * consultation and answers it on a real server, which is then stopped (so anything queued is written), and no file
 * the portal wrote meanwhile, under its data folder or the temp folder, holds the question or the reply. The
 * markers are ASCII, so their UTF-8 bytes are also what Java serialization writes (modified UTF-8).
 */
class StoredPagesTest {

    @Test
    void aConsultationOpenedAndAnsweredByACounsellorLeavesNoTextInAnyFile() throws Exception {
        String marker = "QuestionMarker" + UUID.randomUUID().toString().replace("-", "");
        String replyMarker = "ReplyMarker" + UUID.randomUUID().toString().replace("-", "");
        FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 1_000);
        LiveServer portal = LiveServer.start("portal-stored-pages");
        Path dataDir;
        try {
            var core = portal.server().services();
            dataDir = portal.dataDir();
            Submitted asked = core.consultations().submit(new NewConsultation(Language.RO, Topic.WORK_RIGHTS,
                    "Angajatorul nu-mi plătește salariul. " + marker, false, Channel.TICKET, null), "198.19.7.1");
            SignedInUser admin = core.users().authenticate(LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD).orElseThrow();
            long id = core.consultations().inbox(InboxFilter.OPEN, admin).stream()
                    .filter(i -> i.ticket().equals(asked.ticket())).findFirst().orElseThrow().id();
            String counsellor = TestPortal.newStaff(core, Role.COUNSELLOR);
            Map<String, String> browser = LiveServer.browserHeaders(portal.signIn(counsellor, TestPortal.STAFF_PASSWORD));

            String path = "/admin/consultations/" + id;
            HttpResponse<String> opened = portal.follow(path, browser);
            assertEquals(200, opened.statusCode());
            assertTrue(opened.body().contains(marker), "the counsellor reads the question");
            LiveServer.HtmlForm reply = LiveServer.HtmlForm.first(opened.body(), "replyForm").orElseThrow();
            reply.set(reply.textFields().get(0), "Vă sunăm mâine. " + replyMarker);
            HttpResponse<String> answered = portal.submit(opened.uri(), reply, null, browser);
            assertEquals(302, answered.statusCode(), "answered, then redirected to the page");
            HttpResponse<String> shown = portal.follow(answered.uri().resolve(
                    answered.headers().firstValue("Location").orElseThrow()).toString(), browser);
            assertTrue(shown.body().contains(replyMarker), "the reply is listed: " + shown.statusCode());
            assertTrue(portal.follow(path, browser).body().contains(replyMarker), "and again when reopened");
        } finally {
            portal.close();
        }

        List<String> holders = new ArrayList<>();
        for (Path root : List.of(dataDir, Path.of(System.getProperty("java.io.tmpdir")))) {
            holders.addAll(filesHolding(root, started, List.of(marker, replyMarker)));
        }
        assertEquals(List.of(), holders, "no file holds the question or the reply in clear");
    }


    /** Regular files under {@code root} changed since {@code since} whose bytes contain one of the texts. */
    private static List<String> filesHolding(Path root, FileTime since, List<String> texts) throws IOException {
        List<byte[]> needles = texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(since) >= 0
                        && attributes.size() < 256L * 1024 * 1024 && contains(file, needles)) {
                    found.add(file.toString());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static boolean contains(Path file, List<byte[]> needles) {
        try (InputStream in = Files.newInputStream(file)) {
            // Read in overlapping windows, so that a marker split across two reads is still seen.
            byte[] window = new byte[1 << 20];
            int overlap = 256;
            int kept = 0;
            int read;
            while ((read = in.read(window, kept, window.length - kept)) > 0) {
                int length = kept + read;
                for (byte[] needle : needles) {
                    if (indexOf(window, length, needle) >= 0) {
                        return true;
                    }
                }
                kept = Math.min(overlap, length);
                System.arraycopy(window, length - kept, window, 0, kept);
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
