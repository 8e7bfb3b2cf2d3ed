package io.sseconnector.connector.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numeric SSE ids ({@code sse-id}) that reach a subscriber, per device ({@code device}), in the
 * order each id first arrived: duplicates (at-least-once) are ignored, gaps and reordering are
 * what {@link #problems} reports.
 */
public final class FirstArrivals {
    private final Map<String, List<Long>> firsts = new HashMap<>();
    private final Map<String, Set<Long>> seen = new HashMap<>();
    private final Map<String, List<Long>> notJson = new HashMap<>();
    private long messages;

    /** Adds an MQTT 5 message: the device and id from its user properties, JSON by its content type. */
    public void add(MqttRecorder.Message message) {
        add(
                message.userProperties().get("device"),
                Long.parseLong(message.userProperties().get("sse-id")),
                "application/json".equals(message.contentType()));
    }

    /** Adds one arrival of {@code id} from {@code device}; {@code json}: whether its payload was JSON. */
    public void add(String device, long id, boolean json) {
        messages++;
        if (!json) {
            notJson.computeIfAbsent(device, d -> new ArrayList<>()).add(id); // a torn event was published
        }
        if (seen.computeIfAbsent(device, d -> new HashSet<>()).add(id)) {
            firsts.computeIfAbsent(device, d -> new ArrayList<>()).add(id);
        }
    }

    /** The first id that arrived from {@code device}, or -1 before any. */
    public long first(String device) {
        List<Long> ids = firsts.get(device);
        return ids == null ? -1 : ids.get(0);
    }

    /** Whether {@code count} consecutive ids from the first one could have arrived: the last one did. */
    public boolean reached(String device, int count) {
        long first = first(device);
        return first >= 0 && seen.get(device).contains(first + count - 1);
    }

    /**
     * What went wrong for {@code device} among the {@code count} ids from its first one: ids that
     * never arrived, first arrivals that came after a higher id, and payloads that were not JSON
     * (every camera event is; a torn one is not). Empty when all is well.
     */
    public List<String> problems(String device, int count) {
        long first = first(device);
        if (first < 0) {
            return List.of(device + ": nothing arrived");
        }
        return problems(device, first, first + count - 1);
    }

    /** The ids that arrived from {@code device}, each once, in the order they first arrived. */
    public List<Long> ids(String device) {
        return List.copyOf(firsts.getOrDefault(device, List.of()));
    }

    /** Whether {@code id} from {@code device} arrived. */
    public boolean arrived(String device, long id) {
        Set<Long> ids = seen.get(device);
        return ids != null && ids.contains(id);
    }

    /**
     * What went wrong for {@code device} among ids {@code first..last}, every one of which the source
     * sent: as {@link #problems(String, int)}, but a loss of the first ids is reported too.
     */
    public List<String> problems(String device, long first, long last) {
        List<String> problems = new ArrayList<>();
        if (!firsts.containsKey(device)) {
            return List.of(device + ": nothing arrived");
        }
        List<Long> missing = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            if (!seen.get(device).contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(device + ": " + missing.size() + " of ids " + first + ".." + last + " never arrived: "
                    + abbreviate(missing));
        }
        long highest = Long.MIN_VALUE;
        List<String> outOfOrder = new ArrayList<>();
        for (long id : firsts.get(device)) {
            if (id > last) {
                break;
            }
            if (id < highest) {
                outOfOrder.add(id + " after " + highest);
            }
            highest = Math.max(highest, id);
        }
        if (!outOfOrder.isEmpty()) {
            problems.add(
                    device + ": " + outOfOrder.size() + " ids first arrived out of order: " + abbreviate(outOfOrder));
        }
        if (notJson.containsKey(device)) {
            problems.add(device + ": payloads that are not JSON for ids " + abbreviate(notJson.get(device)));
        }
        return problems;
    }

    /** Messages taken, duplicates included. */
    public long messages() {
        return messages;
    }

    /** Messages that repeated an id already seen from the same device (at-least-once allows them). */
    public long duplicates() {
        return messages - seen.values().stream().mapToLong(Set::size).sum();
    }

    private static String abbreviate(List<?> items) {
        return items.size() <= 20 ? items.toString() : items.subList(0, 20) + " …";
    }
}
