package io.sseconnector.benchmarks.streams;

/** The three streams every benchmark reads; each is deterministic for a given seed. */
public enum StreamKind {
    /** The analytics camera's event mix (DESIGN §2.4), ~330 B per event. */
    CAMERA("camera") {
        @Override
        public EncodedStream generate(int events, long seed) {
            return CameraEvents.generate(events, seed);
        }
    },
    /** Small events, ~50 B each including framing. */
    TINY("tiny") {
        @Override
        public EncodedStream generate(int events, long seed) {
            return TinyEvents.generate(events, seed);
        }
    },
    /** Events of just under 1 MiB of data on one line (inside the parser's default limits). */
    MIB("1mib") {
        @Override
        public EncodedStream generate(int events, long seed) {
            return LargeEvents.generate(events, seed);
        }
    };

    private final String label;

    StreamKind(String label) {
        this.label = label;
    }

    /** The name used in tables and on the command line. */
    public String label() {
        return label;
    }

    public abstract EncodedStream generate(int events, long seed);

    /** Events of this kind that make up roughly {@code bytes} of body. */
    public EncodedStream generateBytes(int bytes, long seed) {
        int perEvent = (int) Math.ceil(generate(this == MIB ? 1 : 256, seed).bytesPerEvent());
        return generate(Math.max(1, bytes / perEvent), seed);
    }

    public static StreamKind of(String label) {
        for (StreamKind kind : values()) {
            if (kind.label.equalsIgnoreCase(label) || kind.name().equalsIgnoreCase(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown stream " + label + " (camera, tiny, 1mib)");
    }
}
