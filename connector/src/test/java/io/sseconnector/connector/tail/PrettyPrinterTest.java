package io.sseconnector.connector.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.core.SseEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PrettyPrinterTest {
    private final StringWriter out = new StringWriter();
    private final PrettyPrinter printer = new PrettyPrinter(
            new PrintWriter(out), Clock.fixed(Instant.parse("2026-11-26T10:15:30.125Z"), ZoneOffset.UTC));

    @Test
    void showsTimeTypeIdAndPrettyJson() {
        printer.event(new SseEvent("HEARTBEAT", "{\"type\":\"HEARTBEAT\",\"timestamp\":1}", "7", SseEvent.NO_RETRY));
        assertThat(out.toString())
                .isEqualTo("10:15:30.125  HEARTBEAT  id=7\n"
                        + "  {\n"
                        + "    \"type\" : \"HEARTBEAT\",\n"
                        + "    \"timestamp\" : 1\n"
                        + "  }\n");
    }

    @Test
    void nonJsonDataIsShownAsSent() {
        printer.event(new SseEvent("message", "{not json\nsecond line", "", SseEvent.NO_RETRY));
        assertThat(out.toString()).isEqualTo("10:15:30.125  message\n  {not json\n  second line\n");
    }
}
