package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoStatusTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void showsTheRateOfEachCameraTypeOverTheWindowWithDeliveredAndBuffered() {
        DemoStatus.Sample oldest = new DemoStatus.Sample(0, Map.of("HEARTBEAT", 10L, "ALERT", 1L));
        DemoStatus.Sample newest = new DemoStatus.Sample(
                10 * SECOND, Map.of("HEARTBEAT", 12L, "ALERT", 2L, "ALERT_DLQC", 3L, "ANALYTICS_ENABLED", 200L));

        assertThat(DemoStatus.line(oldest, newest, 210, 3, true))
                .isEqualTo("events/s  heartbeat 0.2  alert 0.1  dlqc 0.3  enabled 20  disabled 0.0"
                        + "  | delivered 210  buffered 3");
    }

    @Test
    void countsTypesOutsideTheCamerasMixAsOtherAndSaysWhenTheBrokerIsDown() {
        DemoStatus.Sample oldest = new DemoStatus.Sample(0, Map.of());
        DemoStatus.Sample newest = new DemoStatus.Sample(2 * SECOND, Map.of("SURPRISE", 4L, "OTHER_THING", 2L));

        assertThat(DemoStatus.line(oldest, newest, 0, 6, false))
                .isEqualTo("events/s  heartbeat 0.0  alert 0.0  dlqc 0.0  enabled 0.0  disabled 0.0  other 3.0"
                        + "  | delivered 0  buffered 6  | broker DOWN");
    }

    @Test
    void hasNoRateBeforeItsSecondSample() {
        DemoStatus.Sample only = new DemoStatus.Sample(5, Map.of("HEARTBEAT", 1L));

        assertThat(DemoStatus.line(only, only, 1, 0, true)).startsWith("events/s  heartbeat -  alert -");
    }
}
