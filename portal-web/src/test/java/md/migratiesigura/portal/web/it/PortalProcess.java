package md.migratiesigura.portal.web.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged portal.jar run as a user runs it: {@code java -jar}, configured by environment variables. */
final class PortalProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Portal ready on http://localhost:(\\d+)/");

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private volatile int port = -1;

    private PortalProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "portal-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("portal.jar", "target/portal.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: " + jar);
        }
        return jar;
    }

    static PortalProcess launch(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar().toString());
        builder.environment().keySet().removeIf(k -> k.startsWith("PORTAL_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        return new PortalProcess(builder.start());
    }

    /** Starts and waits until the portal says it is ready; fails with the output if it exits or takes too long. */
    static PortalProcess start(Map<String, String> env, Duration timeout) throws Exception {
        PortalProcess portal = launch(env);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (portal.port < 0) {
            if (!portal.process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + portal.process.exitValue() + ":\n" + portal.output());
            }
            if (System.nanoTime() > deadline) {
                portal.close();
                throw new IllegalStateException("the portal was not ready within " + timeout + ":\n" + portal.output());
            }
            Thread.sleep(100);
        }
        return portal;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Sends SIGTERM, as an operator or systemd does, and waits for the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the portal did not stop within 60 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** Kills the portal at once (SIGKILL), as a power cut or the OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the portal did not exit within " + timeout + ":\n" + output());
        }
        Thread.sleep(200); // let the reader drain the last lines
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
