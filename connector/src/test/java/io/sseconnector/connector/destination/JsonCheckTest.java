package io.sseconnector.connector.destination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exactly one JSON value is JSON (content type application/json); anything else is text. */
class JsonCheckTest {
    private final JsonCheck check = new JsonCheck();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"ALERT\",\"event_id\":1001,\"camera_location\":{\"longitude\":-12.5,\"latitude\":48.1}}",
                "[1,2,{\"a\":[true,false,null]}]",
                "\"leak\"",
                "-3.5e2",
                "42",
                "true",
                "null",
                "  {\"padded\": 1}  ",
                "{\"unicode\":\"caf\u00e9 \u2603\"}"
            })
    void oneJsonValueIsJson(String payload) {
        assertThat(check.isJson(payload)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "leak detected", "{\"a\":1", "{\"a\":1}{\"b\":2}", "1 2", "{a:1}", "tru", "[1,]", "<xml/>"})
    void anythingElseIsText(String payload) {
        assertThat(check.isJson(payload)).isFalse();
    }
}
