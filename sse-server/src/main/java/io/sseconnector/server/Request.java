package io.sseconnector.server;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** What a {@link RequestHandler} sees of a request. Valid after the handler returns too. */
public interface Request {
    /** The request header a reconnecting {@code EventSource} sends. */
    String LAST_EVENT_ID_HEADER = "Last-Event-ID";
    /** The query parameter for clients that cannot set headers (browsers' first connect, curl users). */
    String LAST_EVENT_ID_PARAM = "lastEventId";

    /** Upper-case, e.g. {@code GET}. */
    String method();

    /** The percent-decoded path, without the query. */
    String path();

    /** The values of the route template's {@code {name}} segments. */
    Map<String, String> pathParams();

    /** One {@code {name}} segment's value, or {@code null} when the route has no such segment. */
    default String pathParam(String name) {
        return pathParams().get(name);
    }

    /** Every query parameter, in order, each with all its values. */
    Map<String, List<String>> queryParams();

    /** The first value of a query parameter, or {@code null}. */
    default String queryParam(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a header (name case-insensitive), or {@code null}. */
    String header(String name);

    /** Every value of a header (name case-insensitive), possibly none. */
    List<String> headers(String name);

    /** The request body (empty when there was none). */
    byte[] body();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /**
     * The id an SSE client wants to resume after: the {@code Last-Event-ID} header, else the {@code
     * lastEventId} query parameter, else {@code ""} (start with live events).
     */
    default String lastEventId() {
        String header = header(LAST_EVENT_ID_HEADER);
        if (header != null) {
            return header;
        }
        String param = queryParam(LAST_EVENT_ID_PARAM);
        return param == null ? "" : param;
    }
}
