package io.sseconnector.benchmarks.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.core.SseEvent;
import io.sseconnector.core.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraMixTest {
    private static final CameraMix MIX = CameraMix.generate(256);

    private static List<SseEvent> parse(byte[] bytes) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(bytes);
        parser.end();
        return events;
    }

    @Test
    void aBlockParsesToTheTemplatesUnderTheChosenIds() {
        List<SseEvent> events = parse(MIX.encode(1_000_001, 600));

        assertThat(events).hasSize(600);
        for (int k = 0; k < events.size(); k++) {
            long id = 1_000_001 + k;
            CameraMix.Template t = MIX.at(id);
            assertThat(events.get(k).lastEventId()).isEqualTo(Long.toString(id));
            assertThat(events.get(k).type()).isEqualTo(t.type());
            assertThat(events.get(k).data().getBytes(StandardCharsets.UTF_8)).isEqualTo(t.data());
        }
    }

    @Test
    void oneEventMayUseAnyTemplate() {
        CameraMix.Template t = MIX.at(7);
        SseEvent event = parse(MIX.encode(42, t)).get(0);

        assertThat(event.lastEventId()).isEqualTo("42");
        assertThat(event.type()).isEqualTo(t.type());
        assertThat(parse(MIX.encode(42)))
                .singleElement()
                .extracting(SseEvent::type)
                .isEqualTo(MIX.at(42).type());
    }

    @Test
    void theMixIsTheCameraStreamsAndRepeats() {
        assertThat(MIX.types())
                .containsExactly("ALERT", "ALERT_DLQC", "ANALYTICS_DISABLED", "ANALYTICS_ENABLED", "HEARTBEAT");
        assertThat(MIX.at(1)).isSameAs(MIX.at(257));
        assertThat(MIX.bytesPerEvent()).isBetween(250.0, 450.0);
        assertThat(CameraMix.topicSuffix("ALERT_DLQC")).isEqualTo("alert-dlqc");
    }
}
