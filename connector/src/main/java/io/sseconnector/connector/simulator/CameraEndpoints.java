package io.sseconnector.connector.simulator;

import io.sseconnector.server.DeliveryPolicy;
import io.sseconnector.server.Request;
import io.sseconnector.server.Response;
import io.sseconnector.server.Routes;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The simulator's HTTP surface, as in the seed: {@code GET /} (device info), {@code GET /health},
 * {@code GET /camera-events} (the first camera's stream), and {@code GET /cameras/{device_id}/events}
 * for each camera.
 */
final class CameraEndpoints {
    static final String EVENTS = "/camera-events";
    static final String DEVICE_TYPE = "analytics-camera";

    private static final JsonFactory JSON = new JsonFactory();

    private final CameraSettings settings;
    private final Map<String, CameraDevice> devices;
    private final CameraDevice first;
    private final LongSupplier epochMillis;
    /** Numbers connections for the fault modes: every other one is cut mid-event. */
    private final AtomicLong connections = new AtomicLong();

    CameraEndpoints(CameraSettings settings, Map<String, CameraDevice> devices, LongSupplier epochMillis) {
        this.settings = settings;
        this.devices = devices;
        this.first = devices.values().iterator().next();
        this.epochMillis = epochMillis;
    }

    static String cameraPath(String deviceId) {
        return "/cameras/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8).replace("+", "%20") + "/events";
    }

    Routes routes() {
        return Routes.builder()
                .get("/", request -> Response.json(info()))
                .get("/health", request -> Response.json(health()))
                .get(EVENTS, request -> stream(first, request))
                .get("/cameras/{device_id}/events", request -> {
                    CameraDevice device = devices.get(request.pathParam("device_id"));
                    return device == null
                            ? Response.json(404, error("no camera " + request.pathParam("device_id")))
                            : stream(device, request);
                })
                .build();
    }

    private Response stream(CameraDevice device, Request request) {
        DeliveryPolicy policy = DeliveryPolicy.sendAll();
        if (FaultPolicy.enabled(settings)) {
            boolean cut = connections.incrementAndGet() % 2 == 0;
            policy = new FaultPolicy(settings.disconnectEvery(), cut, settings.stallAfter());
        }
        return Response.sse(device.log(), request.lastEventId(), policy);
    }

    private String health() {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            gen.writeStartObject();
            gen.writeStringProperty("status", "healthy");
            gen.writeStringProperty("device_id", first.id());
            gen.writeNumberProperty("timestamp", epochMillis.getAsLong());
            gen.writeEndObject();
        }
        return out.toString();
    }

    private String info() {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            gen.writeStartObject();
            gen.writeStringProperty("device_id", first.id());
            gen.writeStringProperty("device_type", DEVICE_TYPE);
            gen.writeStringProperty("sse_endpoint", EVENTS);
            gen.writeName("event_types");
            gen.writeStartArray();
            for (EventType type : EventType.values()) {
                gen.writeString(type.name());
            }
            gen.writeEndArray();
            gen.writeName("heartbeat_interval_seconds");
            gen.writeNumber(seconds(settings.heartbeatInterval().toMillis()));
            if (devices.size() > 1) {
                gen.writeName("devices");
                gen.writeStartArray();
                for (CameraDevice device : devices.values()) {
                    gen.writeStartObject();
                    gen.writeStringProperty("device_id", device.id());
                    gen.writeStringProperty("sse_endpoint", cameraPath(device.id()));
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
        return out.toString();
    }

    /** Whole seconds as an integer ({@code 5}), others as a decimal ({@code 0.5}). */
    private static BigDecimal seconds(long millis) {
        BigDecimal seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    private static String error(String message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            gen.writeStartObject();
            gen.writeStringProperty("error", message);
            gen.writeEndObject();
        }
        return out.toString();
    }
}
