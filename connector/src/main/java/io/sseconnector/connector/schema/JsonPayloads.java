package io.sseconnector.connector.schema;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What counts as a JSON payload: the whole SSE {@code data} is exactly one JSON value. */
public final class JsonPayloads {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonPayloads() {}

    /**
     * The payload as a JSON tree, or {@code null} when it is not JSON: empty, malformed, or followed by
     * anything but whitespace ({@code {"a":1} x}). Scalars count: {@code 42} and {@code "text"} are JSON.
     */
    public static JsonNode parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(payload);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }
}
