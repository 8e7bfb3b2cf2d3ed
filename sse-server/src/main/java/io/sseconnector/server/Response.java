package io.sseconnector.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a {@link RequestHandler} answers: a complete body, or an SSE stream of an {@link EventLog}. */
public sealed interface Response permits Response.Full, Response.Sse {
    String JSON = "application/json";
    String TEXT = "text/plain; charset=utf-8";

    /**
     * A response with a known body, sent with {@code Content-Length}; the connection stays open for
     * the next request when the client keeps it alive.
     *
     * @param headers extra response headers (the content type and length are set from the record)
     */
    record Full(int status, String contentType, byte[] body, Map<String, String> headers) implements Response {
        public Full {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be 100..599, was " + status);
            }
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        /** This response with one more header (replacing a header of the same name). */
        public Full withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Full(status, contentType, body, more);
        }
    }

    /**
     * Streams {@code log} as {@code text/event-stream}: first the kept events after {@code
     * lastEventId} (see {@link EventLog} for how ids are resolved), then live ones, until the client
     * or the server goes away.
     *
     * @param policy decides, for this subscriber alone, what happens to each event; one instance per
     *     subscriber
     */
    record Sse(EventLog log, String lastEventId, DeliveryPolicy policy) implements Response {
        public Sse {
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(lastEventId, "lastEventId");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** 200 with a JSON body. */
    static Full json(String json) {
        return json(200, json);
    }

    static Full json(int status, String json) {
        return bytes(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    static Full text(int status, String text) {
        return bytes(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static Full bytes(int status, String contentType, byte[] body) {
        return new Full(status, contentType, body, Map.of());
    }

    /** The log's stream, resuming after the request's {@link Request#lastEventId()}, every event sent. */
    static Sse sse(EventLog log, Request request) {
        return new Sse(log, request.lastEventId(), DeliveryPolicy.sendAll());
    }

    static Sse sse(EventLog log, String lastEventId, DeliveryPolicy policy) {
        return new Sse(log, lastEventId, policy);
    }
}
