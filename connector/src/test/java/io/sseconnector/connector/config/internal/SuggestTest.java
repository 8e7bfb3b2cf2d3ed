package io.sseconnector.connector.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> DEVICE_KEYS =
            List.of("name", "endpoint", "headers", "readTimeout", "maxEventSize");

    @Test
    void caseSnakeAndKebabSpellingsFindTheKey() {
        assertThat(Suggest.closest("read_timeout", DEVICE_KEYS)).contains("readTimeout");
        assertThat(Suggest.closest("READTIMEOUT", DEVICE_KEYS)).contains("readTimeout");
        assertThat(Suggest.closest("max-event-size", DEVICE_KEYS)).contains("maxEventSize");
    }

    @Test
    void typosWithinTwoEditsFindTheKey() {
        assertThat(Suggest.closest("endpont", DEVICE_KEYS)).contains("endpoint");
        assertThat(Suggest.closest("haeders", DEVICE_KEYS)).contains("headers");
        assertThat(Suggest.closest("nmae", DEVICE_KEYS)).contains("name");
    }

    @Test
    void unrelatedWordsGetNoSuggestion() {
        assertThat(Suggest.closest("colour", DEVICE_KEYS)).isEmpty();
        assertThat(Suggest.closest("id", DEVICE_KEYS)).isEmpty();
        assertThat(Suggest.hint("colour", DEVICE_KEYS)).isEmpty();
    }
}
