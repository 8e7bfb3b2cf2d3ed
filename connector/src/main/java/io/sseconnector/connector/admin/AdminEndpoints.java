package io.sseconnector.connector.admin;

import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.Device;
import io.sseconnector.connector.destination.Undeliverable;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.stats.DeviceState;
import io.sseconnector.connector.stats.LatencyHistogram;
import io.sseconnector.server.BearerAuth;
import io.sseconnector.server.Request;
import io.sseconnector.server.RequestHandler;
import io.sseconnector.server.Response;
import io.sseconnector.server.Routes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridge's admin endpoints: {@code GET /health} (the process is alive), {@code GET /ready}
 * (every device and the broker connected; 503 otherwise, with what is missing), {@code GET /stats}
 * (JSON), {@code GET /schemas} (the schema of each asset event, learned or configured) and {@code
 * GET /metrics} (Prometheus text).
 *
 * <p>With a token, {@code /stats}, {@code /schemas} and {@code /metrics} answer only requests that
 * carry it as {@code Authorization: Bearer TOKEN}; {@code /health} and {@code /ready} stay open for
 * probes. {@code /schemas} shows no value taken from payloads (an inferred {@code enum}, {@code
 * minimum}, {@code maximum}) unless asked with {@code ?samples=true}.
 */
public final class AdminEndpoints {
    /** The query parameter that adds the values seen in payloads to {@code /schemas}. */
    public static final String SAMPLES_PARAM = "samples";

    private final Bridge bridge;
    private final Optional<BearerAuth> auth;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Every endpoint open: for loopback-only servers such as the demo's. */
    public AdminEndpoints(Bridge bridge) {
        this(bridge, Optional.empty());
    }

    /** @param token required by {@code /stats}, {@code /schemas} and {@code /metrics} when present */
    public AdminEndpoints(Bridge bridge, Optional<String> token) {
        this.bridge = bridge;
        this.auth = token.map(t -> BearerAuth.of(t, "sse-connector admin"));
    }

    /** Adds the endpoints to a routes builder. */
    public Routes.Builder addTo(Routes.Builder routes) {
        return routes.get("/health", request -> Response.json("{\"status\":\"healthy\"}"))
                .get("/ready", request -> ready())
                .get("/stats", guarded(request -> Response.json(json.writeValueAsString(stats()))))
                .get("/schemas", guarded(this::schemas))
                .get(
                        "/metrics",
                        guarded(request -> Response.bytes(
                                200, PrometheusText.CONTENT_TYPE, metrics().getBytes(StandardCharsets.UTF_8))));
    }

    private RequestHandler guarded(RequestHandler handler) {
        return auth.map(a -> a.protect(handler)).orElse(handler);
    }

    private Response schemas(Request request) {
        boolean samples = "true".equalsIgnoreCase(request.queryParam(SAMPLES_PARAM));
        return Response.json(json.writeValueAsString(bridge.schemas().toJson(samples)));
    }

    private Response ready() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready = bridge.isReady();
        body.put("status", ready ? "ready" : "not ready");
        body.put("broker", bridge.brokerConnected() ? "connected" : "disconnected");
        Map<String, String> devices = new LinkedHashMap<>();
        for (Device device : bridge.devices()) {
            devices.put(device.name(), device.state().connected() ? "connected" : "disconnected");
        }
        body.put("devices", devices);
        return Response.json(ready ? 200 : 503, json.writeValueAsString(body));
    }

    Map<String, Object> stats() {
        BridgeStats.Snapshot s = bridge.stats().snapshot();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", s.received());
        body.put("delivered", s.delivered());
        body.put("errors", s.errors());
        body.put("errorsByReason", byLabel(s.errorsByReason()));
        body.put("retries", s.retries());
        body.put("dropped", s.dropped());
        body.put("unmatchedDropped", s.unmatchedDropped());
        body.put("givenUp", s.givenUp());
        body.put("reconnects", s.reconnects());
        body.put("invalid", s.invalid());
        body.put("deadLettered", s.deadLettered());
        body.put("receivedByType", s.receivedByType());
        body.put("deliveredByType", s.deliveredByType());
        body.put("latencyP50Seconds", s.latency().quantileUpperBound(0.5));
        body.put("latencyP99Seconds", s.latency().quantileUpperBound(0.99));
        body.put("brokerConnected", bridge.brokerConnected());
        Map<String, Object> devices = new LinkedHashMap<>();
        for (Device each : bridge.devices()) {
            DeviceState state = each.state();
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("connected", state.connected());
            device.put(
                    "connectedSince",
                    state.connectedSince() == null
                            ? null
                            : state.connectedSince().toString());
            device.put("lastDeliveredId", state.lastDeliveredId());
            device.put("reconnects", state.reconnects());
            device.put("buffered", each.buffered());
            device.put("spilled", each.spilled());
            device.put("stoppedReason", state.stoppedReason());
            devices.put(each.name(), device);
        }
        body.put("devices", devices);
        return body;
    }

    String metrics() {
        BridgeStats.Snapshot s = bridge.stats().snapshot();
        PrometheusText text = new PrometheusText();
        text.family("sse_connector_events_received_total", "counter", "SSE events received, by type.");
        s.receivedByType().forEach((type, n) -> text.sample("sse_connector_events_received_total", n, "type", type));
        text.family(
                "sse_connector_events_delivered_total",
                "counter",
                "Events acknowledged by every destination, by type.");
        s.deliveredByType().forEach((type, n) -> text.sample("sse_connector_events_delivered_total", n, "type", type));
        text.family("sse_connector_send_retries_total", "counter", "Sends that failed and were sent again.")
                .sample("sse_connector_send_retries_total", s.retries());
        text.family(
                "sse_connector_events_undeliverable_total",
                "counter",
                "Events a destination could not take at all (sent to the dead-letter route), by reason.");
        s.errorsByReason()
                .forEach((reason, n) ->
                        text.sample("sse_connector_events_undeliverable_total", n, "reason", reason.label()));
        text.family("sse_connector_events_dead_lettered_total", "counter", "Events sent to a dead-letter route.")
                .sample("sse_connector_events_dead_lettered_total", s.deadLettered());
        text.family("sse_connector_events_dropped_total", "counter", "Events dropped, by reason.")
                .sample("sse_connector_events_dropped_total", s.dropped(), "reason", "buffer_full")
                .sample("sse_connector_events_dropped_total", s.unmatchedDropped(), "reason", "unmatched")
                .sample("sse_connector_events_dropped_total", s.givenUp(), "reason", "undeliverable");
        text.family("sse_connector_reconnects_total", "counter", "SSE reconnect attempts.")
                .sample("sse_connector_reconnects_total", s.reconnects());
        text.family("sse_connector_payloads_invalid_total", "counter", "Payloads that failed their schema, by outcome.")
                .sample("sse_connector_payloads_invalid_total", s.invalid(), "outcome", "delivered")
                .sample(
                        "sse_connector_payloads_invalid_total",
                        s.errorsByReason().get(Undeliverable.Reason.SCHEMA),
                        "outcome",
                        "dead_lettered");
        List<Device> devices = bridge.devices();
        text.family("sse_connector_events_buffered", "gauge", "Events received and not yet delivered, by device.");
        devices.forEach(d -> text.sample("sse_connector_events_buffered", d.buffered(), "device", d.name()));
        text.family("sse_connector_events_spilled", "gauge", "Events waiting in the on-disk spill file, by device.");
        devices.forEach(d -> text.sample("sse_connector_events_spilled", d.spilled(), "device", d.name()));
        text.family("sse_connector_device_connected", "gauge", "1 when the device's SSE stream is open.");
        devices.forEach(
                d -> text.sample("sse_connector_device_connected", d.state().connected() ? 1 : 0, "device", d.name()));
        text.family("sse_connector_broker_connected", "gauge", "1 when the MQTT broker is connected.")
                .sample("sse_connector_broker_connected", bridge.brokerConnected() ? 1 : 0);
        LatencyHistogram.Snapshot latency = s.latency();
        String name = "sse_connector_delivery_latency_seconds";
        text.family(name, "histogram", "From receiving an event to its last acknowledgement.");
        for (int i = 0; i < LatencyHistogram.BOUNDS.length; i++) {
            text.sample(name + "_bucket", latency.cumulative()[i], "le", Double.toString(LatencyHistogram.BOUNDS[i]));
        }
        text.sample(name + "_bucket", latency.count(), "le", "+Inf");
        text.sample(name + "_sum", latency.sumSeconds());
        text.sample(name + "_count", latency.count());
        return text.toString();
    }

    private static Map<String, Long> byLabel(Map<Undeliverable.Reason, Long> byReason) {
        Map<String, Long> out = new LinkedHashMap<>();
        byReason.forEach((reason, n) -> out.put(reason.label(), n));
        return out;
    }
}
