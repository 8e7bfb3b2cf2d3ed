package io.sseconnector.connector.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CameraPayloadsTest {
    @Test
    void decimalsAreRoundedPlainAndKeepOneDecimal() {
        assertThat(CameraPayloads.fixed(0.714703905661418, 3)).isEqualTo("0.715");
        assertThat(CameraPayloads.fixed(-171.2156123298313, 6)).isEqualTo("-171.215612");
        assertThat(CameraPayloads.fixed(2.0, 3)).isEqualTo("2.0");
        assertThat(CameraPayloads.fixed(1.9999, 3)).isEqualTo("2.0");
        assertThat(CameraPayloads.fixed(0.00001234, 6)).isEqualTo("0.000012");
        assertThat(CameraPayloads.fixed(-0.0000001, 6)).isEqualTo("0.0");
        assertThat(CameraPayloads.fixed(38.25, 1)).isEqualTo("38.3");
        assertThat(CameraPayloads.fixed(-9.96, 1)).isEqualTo("-10.0");
    }

    @Test
    void alertPayloadIsCompactJsonInTheSeedsOrder() {
        assertThat(CameraPayloads.alert(1705339205000L, 1001))
                .isEqualTo("{\"type\":\"ALERT\",\"timestamp\":1705339205000,\"message\":\"leak\",\"event_id\":1001}");
        assertThat(CameraPayloads.heartbeat(1705339200000L))
                .isEqualTo("{\"type\":\"HEARTBEAT\",\"timestamp\":1705339200000}");
        assertThat(CameraPayloads.analytics(EventType.ANALYTICS_ENABLED, 1705339215000L))
                .isEqualTo("{\"type\":\"ANALYTICS_ENABLED\",\"timestamp\":1705339215000,"
                        + "\"analytics_type\":\"leak detection\"}");
    }
}
