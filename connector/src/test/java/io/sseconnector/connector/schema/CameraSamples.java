package io.sseconnector.connector.schema;

import java.util.Locale;

/** Payloads shaped like the analytics camera's (DESIGN §2.4), with values varied by index. */
final class CameraSamples {
    static final long T0 = 1_764_000_000_000L;

    private CameraSamples() {}

    static String heartbeat(int i) {
        return "{\"type\":\"HEARTBEAT\",\"timestamp\":" + (T0 + 5_000L * i) + "}";
    }

    static String alert(int i) {
        return "{\"type\":\"ALERT\",\"timestamp\":" + (T0 + i) + ",\"message\":\"leak\",\"event_id\":" + (1000 + i)
                + "}";
    }

    static String alertDlqc(int i) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"ALERT_DLQC\",\"timestamp\":%d,\"message\":\"leak\",\"event_id\":%d,\"camera_id\":%d,"
                        + "\"leak_location\":{\"longitude\":%.6f,\"latitude\":%.6f},"
                        + "\"camera_location\":{\"longitude\":%.6f,\"latitude\":%.6f},"
                        + "\"flow_rate\":%.3f,\"unit\":\"g/s\",\"mass\":%.3f,\"mass_unit\":\"kg\","
                        + "\"confidence_level\":%d,\"camera_orientation\":%d,\"depression_angle\":%d,"
                        + "\"wind_speed\":%.1f,\"wind_speed_unit\":\"m/h\",\"wind_direction\":%d,"
                        + "\"temperature\":%.1f,\"temperature_unit\":\"F\",\"humidity\":%d}",
                T0 + i,
                2000 + i,
                1 + i % 4,
                -97.5 + i * 0.001,
                32.75 + i * 0.001,
                -97.51,
                32.76,
                0.5 + i % 10 * 0.25,
                1.5 + i % 7,
                60 + i % 40,
                i % 360,
                10 + i % 20,
                3.0 + i % 5,
                i * 37 % 360,
                55.0 + i % 30,
                20 + i % 60);
    }
}
