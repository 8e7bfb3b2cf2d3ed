package io.sseconnector.benchmarks.bridge;

import io.sseconnector.benchmarks.streams.EncodedStream;
import io.sseconnector.benchmarks.streams.StreamKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The events of the benchmarks' {@code camera} stream (the same generator and seed, so the same
 * type mix and payloads as in the client benchmarks) as templates that the bridge harness encodes
 * again under ids of its own choosing: every event of a run gets a distinct, increasing SSE id, by
 * which the subscriber proves that nothing was lost.
 */
record CameraMix(List<Template> templates) {
    /** The seed of the client harness's camera stream. */
    static final long SEED = 7;

    /**
     * One event of the mix.
     *
     * @param type the SSE event type, which the bridge routes by
     * @param data the data line, UTF-8: the MQTT payload, unchanged
     */
    record Template(String type, byte[] data) {}

    CameraMix {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("a mix needs at least one event");
        }
        templates = List.copyOf(templates);
    }

    /** The first {@code events} events of the camera stream. */
    static CameraMix generate(int events) {
        EncodedStream stream = StreamKind.CAMERA.generate(events, SEED);
        List<Template> templates = new ArrayList<>(events);
        int start = 0;
        for (int end : stream.eventEnds()) {
            String event = new String(stream.bytes(), start, end - start, StandardCharsets.UTF_8);
            String type = null;
            String data = null;
            for (String line : event.split("\n")) {
                if (line.startsWith("event: ")) {
                    type = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data = line.substring("data: ".length());
                }
            }
            if (type == null || data == null) {
                throw new IllegalStateException("unexpected camera event: " + event);
            }
            templates.add(new Template(type, data.getBytes(StandardCharsets.UTF_8)));
            start = end;
        }
        return new CameraMix(templates);
    }

    /** The template that event {@code id} (1, 2, …) uses: the mix, over and over. */
    Template at(long id) {
        return templates.get((int) Math.floorMod(id - 1, (long) templates.size()));
    }

    /** The event types of the mix, sorted. */
    List<String> types() {
        TreeSet<String> types = new TreeSet<>();
        templates.forEach(t -> types.add(t.type()));
        return List.copyOf(types);
    }

    /** {@code ALERT_DLQC} becomes {@code alert-dlqc}, as in examples/camera-bridge.yaml. */
    static String topicSuffix(String type) {
        return type.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Events {@code firstId … firstId + count - 1} as one {@code text/event-stream} block. */
    byte[] encode(long firstId, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 400);
        for (long id = firstId; id < firstId + count; id++) {
            append(out, id);
        }
        return out.toByteArray();
    }

    /** One event: {@code event: TYPE\nid: ID\ndata: DATA\n\n}, the template {@link #at} id. */
    byte[] encode(long id) {
        return encode(id, at(id));
    }

    /** One event with this id and this template. */
    byte[] encode(long id, Template t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        append(out, id, t);
        return out.toByteArray();
    }

    private void append(ByteArrayOutputStream out, long id) {
        append(out, id, at(id));
    }

    private static void append(ByteArrayOutputStream out, long id, Template t) {
        out.writeBytes(("event: " + t.type() + "\nid: " + id + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(t.data());
        out.write('\n');
        out.write('\n');
    }

    /** Mean bytes per encoded event over the whole mix (ids of 6 digits). */
    double bytesPerEvent() {
        long sum = 0;
        for (Template t : templates) {
            sum += "event: ".length() + t.type().length() + "\nid: 123456\ndata: ".length() + t.data().length + 2;
        }
        return (double) sum / templates.size();
    }
}
