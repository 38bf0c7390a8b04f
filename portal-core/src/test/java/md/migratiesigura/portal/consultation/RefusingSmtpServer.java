package md.migratiesigura.portal.consultation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on a port of its own that refuses every recipient, quoting the address as Postfix does ("550 5.1.1
 * &lt;…&gt;: Recipient address rejected"). GreenMail, the tests' other SMTP server, accepts every recipient.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> answers = new CopyOnWriteArrayList<>();

    private RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    static RefusingSmtpServer start() throws IOException {
        return new RefusingSmtpServer();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** What the server answered to RCPT commands. */
    List<String> refusals() {
        return List.copyOf(answers);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                send(out, "220 refusing.example ESMTP");
                String line;
                boolean open = true;
                while (open && (line = in.readLine()) != null) {
                    String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                    switch (command) {
                        case "EHLO", "HELO" -> send(out, "250 refusing.example");
                        case "MAIL", "RSET", "NOOP" -> send(out, "250 2.0.0 Ok");
                        case "RCPT" -> {
                            String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                            String answer = "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
                            answers.add(answer);
                            send(out, answer);
                        }
                        case "DATA" -> send(out, "554 5.5.1 Error: no valid recipients");
                        case "QUIT" -> {
                            send(out, "221 2.0.0 Bye");
                            open = false;
                        }
                        default -> send(out, "502 5.5.2 Error: command not recognized");
                    }
                }
            } catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private static void send(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
