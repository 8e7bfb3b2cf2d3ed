package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.core.SkippedEvent;
import io.sseconnector.core.SseLimits;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SkipLogTest {
    private static final URI URL = URI.create("http://user:secret@127.0.0.1:8080/events");
    private static final SkippedEvent BIG =
            new SkippedEvent("ALERT", "42", 5_242_880, SkippedEvent.Limit.MAX_EVENT_SIZE);

    private final SkipLog log = new SkipLog();

    @Test
    void theFirstSkipIsToldWithWhatAndWhichLimit() {
        assertThat(log.line(URL, BIG, SseLimits.DEFAULTS, 0))
                .isEqualTo("GET http://127.0.0.1:8080/events: skipped event type \"ALERT\" (last id \"42\","
                        + " 5242880 data bytes): data larger than maxEventSize (1048576 bytes); the stream goes on");
    }

    @Test
    void laterSkipsAreToldAtMostOncePerIntervalWithTheCountBetween() {
        long start = 1_000;
        assertThat(log.line(URL, BIG, SseLimits.DEFAULTS, start)).isNotNull();
        assertThat(log.line(URL, BIG, SseLimits.DEFAULTS, start + 1)).isNull();
        assertThat(log.line(URL, BIG, SseLimits.DEFAULTS, start + SkipLog.INTERVAL_NANOS - 1))
                .isNull();
        assertThat(log.line(URL, BIG, SseLimits.DEFAULTS, start + SkipLog.INTERVAL_NANOS))
                .endsWith("the stream goes on (2 more skipped since the last report)");
        assertThat(log.line(URL, BIG, SseLimits.DEFAULTS, start + 3 * SkipLog.INTERVAL_NANOS))
                .endsWith("the stream goes on");
    }

    @Test
    void peerTextIsQuotedAndCut() {
        SkippedEvent hostile = new SkippedEvent("a\u001bb", "9".repeat(500), 7, SkippedEvent.Limit.MAX_LINE_LENGTH);
        String line = log.line(URL, hostile, new SseLimits(64, 100), 0);
        assertThat(line)
                .contains("type \"a?b\"", "\"" + "9".repeat(64) + "…\"", "a line longer than maxLineLength (64 bytes)")
                .doesNotContain("9".repeat(65), "secret");
    }
}
