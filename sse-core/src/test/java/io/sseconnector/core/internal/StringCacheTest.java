package io.sseconnector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringCacheTest {
    private final StringCache cache = new StringCache();

    private String decode(String s) {
        byte[] bytes = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        return cache.decode(bytes, 2, bytes.length - 2, false);
    }

    @Test
    void repeatedBytesGiveTheSameString() {
        String first = decode("HEARTBEAT");
        decode("ALERT");
        decode("ALERT_DLQC");
        assertThat(decode("HEARTBEAT")).isEqualTo("HEARTBEAT").isSameAs(first);
    }

    @Test
    void differentBytesGiveTheirOwnString() {
        for (int i = 0; i < 100; i++) {
            assertThat(decode("t" + i)).isEqualTo("t" + i);
            assertThat(decode("\u00e9" + i)).isEqualTo("\u00e9" + i);
        }
        assertThat(decode("")).isEmpty();
    }

    @Test
    void longValuesAreDecodedButNotKept() {
        String longType = "x".repeat(100);
        String first = decode(longType);
        assertThat(decode(longType)).isEqualTo(longType).isNotSameAs(first);
    }
}
