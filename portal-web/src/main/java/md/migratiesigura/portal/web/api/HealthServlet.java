package md.migratiesigura.portal.web.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import md.migratiesigura.portal.Health;
import md.migratiesigura.portal.PortalServices;

/** {@code GET /health}: 200 with every part UP when the portal can serve, 503 naming the failing part otherwise. */
public class HealthServlet extends HttpServlet {

    private final transient PortalServices services;

    public HealthServlet(PortalServices services) {
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Health health = services.health();
        response.setStatus(health.isUp() ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String body = "{\"status\":\"" + (health.isUp() ? "UP" : "DOWN") + "\",\"db\":\"" + state(health.database())
                + "\",\"search\":\"" + state(health.search()) + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String state(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
