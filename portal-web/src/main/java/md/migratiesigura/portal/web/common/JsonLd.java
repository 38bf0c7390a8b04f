package md.migratiesigura.portal.web.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** schema.org structured data for a {@code <script type="application/ld+json">}. */
public final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {
    }

    /** The data as JSON with {@code <}, {@code >} and {@code &} escaped, so that nothing can close the script. */
    public static String write(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}
