package io.sseconnector.core;

/**
 * A line longer than {@code maxLineLength} that spans chunks, skipped to its end without being
 * kept: only its first {@link #HEAD_BYTES} bytes (enough to tell its field name and the optional
 * space) and its length are remembered, for {@link LineInterpreter#overlongLine} at its end.
 */
final class OverlongLine {
    /** The longest name we act on ({@code event}), its colon and a space, with room to spare. */
    static final int HEAD_BYTES = 8;

    private final byte[] head = new byte[HEAD_BYTES];
    private int headLength;
    private long length;

    /** Starts skipping a line whose first bytes so far are {@code bytes[from, to)}. */
    void start(byte[] bytes, int from, int to) {
        headLength = 0;
        length = 0;
        add(bytes, from, to);
    }

    /** More bytes of the line, none of them a line end. */
    void add(byte[] bytes, int from, int to) {
        int copy = Math.min(to - from, HEAD_BYTES - headLength);
        if (copy > 0) {
            System.arraycopy(bytes, from, head, headLength, copy);
            headLength += copy;
        }
        length += to - from;
    }

    /** The line ended: hands it to {@code lines}. */
    void finish(LineInterpreter lines) {
        lines.overlongLine(head, 0, headLength, length);
    }
}
