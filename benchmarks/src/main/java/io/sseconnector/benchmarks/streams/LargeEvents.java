package io.sseconnector.benchmarks.streams;

import java.util.SplittableRandom;

/**
 * Events of {@link #DATA_LENGTH} chars of data on a single {@code data:} line: a JSON document of
 * 1 MiB minus 64 bytes, so line ({@code data: } + value) and event (value + LF) stay inside the
 * parser's default 1 MiB limits.
 */
final class LargeEvents {
    /** 1 MiB minus 64. */
    static final int DATA_LENGTH = 1024 * 1024 - 64;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private LargeEvents() {}

    static EncodedStream generate(int events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EncodedStream.Builder out = new EncodedStream.Builder(events * (DATA_LENGTH + 40));
        for (int i = 1; i <= events; i++) {
            out.event("snapshot", Integer.toString(i), document(random, i));
        }
        return out.build();
    }

    /** {"seq":N,"frames":["...","...",...]} padded to exactly DATA_LENGTH chars. */
    private static String document(SplittableRandom random, int seq) {
        StringBuilder sb = new StringBuilder(DATA_LENGTH);
        sb.append("{\"seq\":").append(seq).append(",\"frames\":[");
        String end = "\"]}";
        boolean first = true;
        while (sb.length() < DATA_LENGTH - end.length() - 4) {
            sb.append(first ? "\"" : "\",\"");
            first = false;
            int n = Math.min(random.nextInt(40, 200), DATA_LENGTH - end.length() - sb.length());
            for (int k = 0; k < n; k++) {
                sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        while (sb.length() < DATA_LENGTH - end.length()) {
            sb.append('A');
        }
        sb.append(end);
        return sb.toString();
    }
}
