package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.internal.ResponseRules.Action;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResponseRulesTest {

    @Test
    void statusesMapToActions() {
        assertThat(ResponseRules.action(200)).isEqualTo(Action.OPEN);
        assertThat(ResponseRules.action(204)).isEqualTo(Action.STOP);
        for (int s : new int[] {301, 302, 303, 307, 308}) {
            assertThat(ResponseRules.action(s)).isEqualTo(Action.REDIRECT);
        }
        for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(ResponseRules.action(s)).isEqualTo(Action.RETRY);
        }
        for (int s : new int[] {101, 201, 206, 300, 304, 305, 400, 401, 403, 404, 501, 505}) {
            assertThat(ResponseRules.action(s)).as("status %d", s).isEqualTo(Action.FAIL);
        }
        assertThat(ResponseRules.action(100)).isEqualTo(Action.INTERIM);
    }

    @Test
    void eventStreamContentTypesAllowParametersAndAnyCase() {
        assertThat(ResponseRules.isEventStream("text/event-stream")).isTrue();
        assertThat(ResponseRules.isEventStream("TEXT/Event-Stream ; charset=utf-8"))
                .isTrue();
        assertThat(ResponseRules.isEventStream(" text/event-stream")).isTrue();
        assertThat(ResponseRules.isEventStream("text/event-streams")).isFalse();
        assertThat(ResponseRules.isEventStream("text/plain")).isFalse();
        assertThat(ResponseRules.isEventStream(null)).isFalse();
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        assertThat(ResponseRules.retryAfterMillis("120", now)).isEqualTo(120_000);
        assertThat(ResponseRules.retryAfterMillis(" 0 ", now)).isZero();
        assertThat(ResponseRules.retryAfterMillis("Thu, 26 Nov 2026 10:00:30 GMT", now))
                .isEqualTo(30_000);
        assertThat(ResponseRules.retryAfterMillis("Thu, 26 Nov 2026 09:00:00 GMT", now))
                .isZero();
        assertThat(ResponseRules.retryAfterMillis("99999999999999999999", now)).isEqualTo(Long.MAX_VALUE);
        assertThat(ResponseRules.retryAfterMillis("soon", now)).isEqualTo(-1);
        assertThat(ResponseRules.retryAfterMillis("-5", now)).isEqualTo(-1);
        assertThat(ResponseRules.retryAfterMillis(null, now)).isEqualTo(-1);
    }
}
