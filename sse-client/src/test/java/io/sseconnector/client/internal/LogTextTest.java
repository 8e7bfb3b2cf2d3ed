package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void durationsReadNaturally() {
        assertThat(LogText.millis(250)).isEqualTo("250 ms");
        assertThat(LogText.millis(1_000)).isEqualTo("1 s");
        assertThat(LogText.millis(4_200)).isEqualTo("4.2 s");
        assertThat(LogText.millis(60_000)).isEqualTo("60 s");
    }

    @Test
    void urlsLoseTheirUserInfo() {
        assertThat(LogText.url(URI.create("http://user:secret@h:8080/e?x=1"))).isEqualTo("http://h:8080/e?x=1");
        assertThat(LogText.url(URI.create("https://h/e"))).isEqualTo("https://h/e");
    }
}
