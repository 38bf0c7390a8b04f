import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;

/**
 * The limit the performance benchmark compares the portal with: the same Jetty as the portal's, serving a folder
 * of static files with a plain {@link ResourceHandler}, on loopback. Run with the portal's jar on the class path:
 *
 * <pre>java -cp portal-web/target/portal.jar deploy/bench/StaticServer.java DIR PORT</pre>
 *
 * Prints {@code static server ready on PORT} once it accepts connections; stops on SIGTERM.
 */
public final class StaticServer {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StaticServer.java DIR PORT");
            System.exit(2);
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[1]));
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResourceAsString(args[0]);
        files.setDirAllowed(false);
        server.setHandler(files);
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("static server ready on " + connector.getLocalPort());
        server.join();
    }
}
