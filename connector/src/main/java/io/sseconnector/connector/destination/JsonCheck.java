package io.sseconnector.connector.destination;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/** Whether a payload is one JSON value (it decides the MQTT 5 content type); streams, builds no tree. */
public final class JsonCheck {
    /**
     * Shared by every device (it holds no per-parse state). Property names are skipped, never read,
     * so they are not canonicalised: that would fill a symbol table per factory for nothing.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build();

    public boolean isJson(String data) {
        if (data.isEmpty()) {
            return false;
        }
        char first = data.charAt(0);
        if (first != '{'
                && first != '['
                && first != '"'
                && first != '-'
                && !Character.isDigit(first)
                && first != 't'
                && first != 'f'
                && first != 'n'
                && !Character.isWhitespace(first)) {
            return false; // cheap reject for text payloads
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), data)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null; // exactly one value
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
