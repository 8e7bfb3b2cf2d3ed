package io.sseconnector.connector.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraSettingsTest {
    @Test
    void defaultsAreTheSeeds() {
        CameraSettings settings = CameraSettings.fromEnvironment(Map.of());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.deviceId()).isEqualTo("analytics-camera-001");
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.alertProbability()).isEqualTo(0.1);
        assertThat(settings.history()).isEqualTo(1000);
        assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.devices()).isEqualTo(1);
    }

    @Test
    void seedsEnvironmentVariablesSetTheSettings() {
        CameraSettings settings = CameraSettings.fromEnvironment(
                Map.of("PORT", "9090", "DEVICE_ID", "cam-7", "HEARTBEAT_INTERVAL", "2", "ALERT_PROBABILITY", "0.25"));

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.deviceId()).isEqualTo("cam-7");
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.alertProbability()).isEqualTo(0.25);
    }

    @Test
    void heartbeatIntervalTakesSecondsOrDurations() {
        assertThat(CameraSettings.fromEnvironment(Map.of("HEARTBEAT_INTERVAL", "500ms"))
                        .heartbeatInterval())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(CameraSettings.fromEnvironment(Map.of("HEARTBEAT_INTERVAL", "0.5"))
                        .heartbeatInterval())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(CameraSettings.fromEnvironment(Map.of("HEARTBEAT_INTERVAL", "1m"))
                        .heartbeatInterval())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void blankVariablesAreIgnored() {
        assertThat(CameraSettings.fromEnvironment(Map.of("PORT", " ", "DEVICE_ID", "")))
                .isEqualTo(CameraSettings.DEFAULTS);
    }

    @Test
    void invalidVariableIsNamedInTheError() {
        assertThatThrownBy(() -> CameraSettings.fromEnvironment(Map.of("PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORT='eighty'");
        assertThatThrownBy(() -> CameraSettings.fromEnvironment(Map.of("HEARTBEAT_INTERVAL", "soon")))
                .hasMessageContaining("HEARTBEAT_INTERVAL='soon'");
        assertThatThrownBy(() -> CameraSettings.fromEnvironment(Map.of("ALERT_PROBABILITY", "1.5")))
                .hasMessageContaining("ALERT_PROBABILITY='1.5'")
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void outOfRangeSettingsAreRejected() {
        CameraSettings d = CameraSettings.DEFAULTS;
        assertThatThrownBy(() -> d.withHeartbeatInterval(Duration.ZERO)).hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> d.withHistory(0)).hasMessageContaining("history");
        assertThatThrownBy(() -> d.withRate(-1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> d.withDevices(0)).hasMessageContaining("devices");
        assertThatThrownBy(() -> d.withPort(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> d.withDisconnectEvery(-1)).hasMessageContaining("disconnect-every");
    }

    @Test
    void deviceIdsCountUpTheTrailingNumberKeepingItsWidth() {
        assertThat(CameraSettings.DEFAULTS.withDevices(3).deviceIds())
                .containsExactly("analytics-camera-001", "analytics-camera-002", "analytics-camera-003");
        assertThat(CameraSettings.DEFAULTS.withDeviceId("cam-98").withDevices(3).deviceIds())
                .containsExactly("cam-98", "cam-99", "cam-100");
        assertThat(CameraSettings.DEFAULTS.withDeviceId("lobby").withDevices(3).deviceIds())
                .containsExactly("lobby", "lobby-2", "lobby-3");
    }
}
