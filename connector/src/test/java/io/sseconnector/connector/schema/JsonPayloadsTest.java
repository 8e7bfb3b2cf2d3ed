package io.sseconnector.connector.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPayloadsTest {
    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "[1,2]", "42", "-1.5e3", "\"text\"", "true", "null", "  {\"a\":1}\n"})
    void oneJsonValueIsJson(String payload) {
        assertThat(JsonPayloads.parse(payload)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "hello", "{\"a\":1} {\"b\":2}", "{\"a\":1} x", "{\"a\":", "'single'", "NaN"})
    void anythingElseIsNot(String payload) {
        assertThat(JsonPayloads.parse(payload)).isNull();
    }
}
