package io.sseconnector.connector.simulator;

import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the camera's payloads as compact JSON, keys in the seed's order. Decimals are rounded to a
 * precision that means something for the quantity (coordinates to 6 places, about 0.1 m).
 */
final class CameraPayloads {
    static final String ANALYTICS_TYPE = "leak detection";
    static final String MESSAGE = "leak";

    private static final JsonFactory JSON = new JsonFactory();

    private CameraPayloads() {}

    /** The random part of an ALERT_DLQC, drawn in key order. */
    record Dlqc(
            int cameraId,
            double leakLongitude,
            double leakLatitude,
            double cameraLongitude,
            double cameraLatitude,
            double flowRate,
            double mass,
            int confidenceLevel,
            int cameraOrientation,
            int depressionAngle,
            double windSpeed,
            int windDirection,
            double temperature,
            int humidity) {}

    static String heartbeat(long timestamp) {
        StringWriter out = new StringWriter(48);
        try (JsonGenerator gen = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            start(gen, EventType.HEARTBEAT, timestamp);
            gen.writeEndObject();
        }
        return out.toString();
    }

    static String analytics(EventType type, long timestamp) {
        StringWriter out = new StringWriter(96);
        try (JsonGenerator gen = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            start(gen, type, timestamp);
            gen.writeStringProperty("analytics_type", ANALYTICS_TYPE);
            gen.writeEndObject();
        }
        return out.toString();
    }

    static String alert(long timestamp, long eventId) {
        StringWriter out = new StringWriter(96);
        try (JsonGenerator gen = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            start(gen, EventType.ALERT, timestamp);
            gen.writeStringProperty("message", MESSAGE);
            gen.writeNumberProperty("event_id", eventId);
            gen.writeEndObject();
        }
        return out.toString();
    }

    static String alertDlqc(long timestamp, long eventId, Dlqc d) {
        StringWriter out = new StringWriter(560);
        try (JsonGenerator gen = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            start(gen, EventType.ALERT_DLQC, timestamp);
            gen.writeStringProperty("message", MESSAGE);
            gen.writeNumberProperty("event_id", eventId);
            gen.writeNumberProperty("camera_id", d.cameraId());
            location(gen, "leak_location", d.leakLongitude(), d.leakLatitude());
            location(gen, "camera_location", d.cameraLongitude(), d.cameraLatitude());
            decimal(gen, "flow_rate", d.flowRate(), 3);
            gen.writeStringProperty("unit", "g/s");
            decimal(gen, "mass", d.mass(), 3);
            gen.writeStringProperty("mass_unit", "kg");
            gen.writeNumberProperty("confidence_level", d.confidenceLevel());
            gen.writeNumberProperty("camera_orientation", d.cameraOrientation());
            gen.writeNumberProperty("depression_angle", d.depressionAngle());
            decimal(gen, "wind_speed", d.windSpeed(), 1);
            gen.writeStringProperty("wind_speed_unit", "m/h");
            gen.writeNumberProperty("wind_direction", d.windDirection());
            decimal(gen, "temperature", d.temperature(), 1);
            gen.writeStringProperty("temperature_unit", "F");
            gen.writeNumberProperty("humidity", d.humidity());
            gen.writeEndObject();
        }
        return out.toString();
    }

    private static void start(JsonGenerator gen, EventType type, long timestamp) {
        gen.writeStartObject();
        gen.writeStringProperty("type", type.name());
        gen.writeNumberProperty("timestamp", timestamp);
    }

    private static void location(JsonGenerator gen, String name, double longitude, double latitude) {
        gen.writeName(name);
        gen.writeStartObject();
        decimal(gen, "longitude", longitude, 6);
        decimal(gen, "latitude", latitude, 6);
        gen.writeEndObject();
    }

    private static void decimal(JsonGenerator gen, String name, double value, int places) {
        gen.writeName(name);
        gen.writeNumber(fixed(value, places));
    }

    /**
     * The value rounded to {@code places} decimals in plain notation, trailing zeros dropped but one
     * decimal kept, so it reads as a JSON float: {@code 0.715}, {@code 2.0}, {@code -171.215612}.
     */
    static String fixed(double value, int places) {
        long scale = 1;
        for (int i = 0; i < places; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(value) * scale);
        StringBuilder text = new StringBuilder(24);
        if (value < 0 && scaled != 0) {
            text.append('-');
        }
        text.append(scaled / scale).append('.');
        String fraction = Long.toString(scaled % scale + scale).substring(1);
        int end = fraction.length();
        while (end > 1 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return text.append(fraction, 0, end).toString();
    }
}
