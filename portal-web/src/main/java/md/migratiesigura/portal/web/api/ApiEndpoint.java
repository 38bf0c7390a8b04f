package md.migratiesigura.portal.web.api;

/**
 * One resource of the JSON API. It returns an object that Jackson writes as the 200 answer, or throws
 * {@link ApiException} for a 4xx; anything else becomes a 500 without details.
 */
@FunctionalInterface
public interface ApiEndpoint {

    Object handle(ApiRequest request) throws Exception;

    /** The one HTTP method the resource answers; any other gets 405. */
    default String method() {
        return "GET";
    }
}
