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
    void keysThatShareASlotPairDoNotEvictEachOther() {
        // With one slot per hash these two collide (the types of the camera benchmark stream);
        // any two keys of a pair must stay cached while they alternate.
        for (String[] pair : new String[][] {{"ALERT_DLQC", "ALERT"}, {"a", "b"}}) {
            String first = decode(pair[0]);
            String second = decode(pair[1]);
            for (int i = 0; i < 3; i++) {
                assertThat(decode(pair[0])).isSameAs(first);
                assertThat(decode(pair[1])).isSameAs(second);
            }
        }
    }

    @Test
    void aThirdKeyOfAPairEvictsTheLeastRecentlyInserted() {
        for (int i = 0; i < 200; i++) {
            String key = "k" + i;
            assertThat(decode(key)).isEqualTo(key);
        }
        String first = decode("x");
        assertThat(decode("x")).isSameAs(first);
    }

    @Test
    void longValuesAreDecodedButNotKept() {
        String longType = "x".repeat(100);
        String first = decode(longType);
        assertThat(decode(longType)).isEqualTo(longType).isNotSameAs(first);
    }
}
