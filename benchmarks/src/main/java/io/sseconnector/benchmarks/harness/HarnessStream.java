package io.sseconnector.benchmarks.harness;

import io.sseconnector.benchmarks.streams.EncodedStream;
import io.sseconnector.benchmarks.streams.StreamKind;

/**
 * A stream the loopback server serves: a pre-encoded block of {@code blockEvents} events, written
 * {@code repeats} times (event ids repeat from block to block, which no consumer minds).
 *
 * @param chunked one HTTP chunk per event ({@code Transfer-Encoding: chunked}) instead of a plain
 *     body that ends when the server closes the connection
 */
public enum HarnessStream {
    CAMERA("camera", StreamKind.CAMERA, false, 8192, 192),
    CAMERA_CHUNKED("camera-chunked", StreamKind.CAMERA, true, 8192, 192),
    TINY("tiny", StreamKind.TINY, false, 65536, 96),
    MIB("1mib", StreamKind.MIB, false, 8, 128);

    static final long SEED = 7;

    private final String label;
    private final StreamKind kind;
    private final boolean chunked;
    private final int blockEvents;
    private final int repeats;

    HarnessStream(String label, StreamKind kind, boolean chunked, int blockEvents, int repeats) {
        this.label = label;
        this.kind = kind;
        this.chunked = chunked;
        this.blockEvents = blockEvents;
        this.repeats = repeats;
    }

    public String label() {
        return label;
    }

    public boolean chunked() {
        return chunked;
    }

    /** Block repeats for a measured run at this scale (at least 1). */
    public int repeats(double scale) {
        return Math.max(1, (int) Math.round(repeats * scale));
    }

    public EncodedStream block() {
        return kind.generate(blockEvents, SEED);
    }

    public static HarnessStream of(String label) {
        for (HarnessStream s : values()) {
            if (s.label.equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stream " + label + " (camera, camera-chunked, tiny, 1mib)");
    }
}
