package io.sseconnector.benchmarks.streams;

import java.util.SplittableRandom;

/**
 * Small events of ~50 B including framing, e.g. {@code event: tick\nid: 42\ndata:
 * {"seq":42,"v":731}\n\n}: the overhead per event dominates the cost per byte.
 */
final class TinyEvents {
    private TinyEvents() {}

    static EncodedStream generate(int events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EncodedStream.Builder out = new EncodedStream.Builder(events * 52);
        for (int i = 1; i <= events; i++) {
            String id = Integer.toString(i);
            out.event("tick", id, "{\"seq\":" + id + ",\"v\":" + random.nextInt(100, 1000) + "}");
        }
        return out.build();
    }
}
