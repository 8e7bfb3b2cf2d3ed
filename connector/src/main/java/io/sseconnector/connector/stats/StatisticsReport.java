package io.sseconnector.connector.stats;

import io.sseconnector.connector.destination.Undeliverable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The statistics block the seed's connector printed, plus a line per device:
 *
 * <pre>
 * === SSE Connector Statistics ===
 * Events Received: 120
 * Events Published: 118
 * Errors: 0
 * Events by Type:
 *   ALERT: 12
 *   HEARTBEAT: 100
 * Devices:
 *   analytics-camera-01: connected since 10:00:01, last id 4411, reconnects 2, buffered 2
 * </pre>
 */
public final class StatisticsReport {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private StatisticsReport() {}

    /** One device's line: its state and how many events wait for delivery. */
    public record DeviceLine(String device, DeviceState state, int buffered) {}

    public static String format(BridgeStats.Snapshot stats, Iterable<DeviceLine> devices) {
        StringBuilder out = new StringBuilder(512);
        out.append("=== SSE Connector Statistics ===\n");
        out.append("Events Received: ").append(stats.received()).append('\n');
        out.append("Events Published: ").append(stats.delivered()).append('\n');
        out.append("Errors: ").append(stats.errors());
        if (stats.errors() > 0) {
            out.append(" (");
            String separator = "";
            for (Map.Entry<Undeliverable.Reason, Long> reason :
                    stats.errorsByReason().entrySet()) {
                if (reason.getValue() > 0) {
                    out.append(separator)
                            .append(reason.getKey().label())
                            .append(' ')
                            .append(reason.getValue());
                    separator = ", ";
                }
            }
            out.append("; ").append(stats.deadLettered()).append(" sent to a dead-letter route)");
        }
        out.append('\n');
        if (stats.retries() > 0) {
            out.append("Retried sends: ").append(stats.retries()).append('\n');
        }
        if (stats.dropped() > 0 || stats.unmatchedDropped() > 0 || stats.givenUp() > 0) {
            out.append("Dropped: ")
                    .append(stats.dropped())
                    .append(" (buffer full), ")
                    .append(stats.unmatchedDropped())
                    .append(" (unmatched), ")
                    .append(stats.givenUp())
                    .append(" (undeliverable, no dead-letter route)\n");
        }
        out.append("Events by Type:\n");
        for (Map.Entry<String, Long> type : stats.receivedByType().entrySet()) {
            out.append("  ")
                    .append(type.getKey())
                    .append(": ")
                    .append(type.getValue())
                    .append('\n');
        }
        out.append("Devices:\n");
        for (DeviceLine line : devices) {
            DeviceState state = line.state();
            out.append("  ").append(line.device()).append(": ");
            if (state.connected()) {
                out.append("connected since ").append(TIME.format(state.connectedSince()));
            } else if (state.stoppedReason() != null) {
                out.append("stopped (").append(state.stoppedReason()).append(')');
            } else {
                out.append("disconnected");
            }
            out.append(", last id ")
                    .append(state.lastDeliveredId().isEmpty() ? "-" : state.lastDeliveredId())
                    .append(", reconnects ")
                    .append(state.reconnects())
                    .append(", buffered ")
                    .append(line.buffered())
                    .append('\n');
        }
        return out.toString();
    }
}
