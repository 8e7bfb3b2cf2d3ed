package io.sseconnector.client.internal;

/**
 * Removes the HTTP/1.1 chunked transfer coding (RFC 9112 §7.1) from a body, in place: {@link
 * #decode} moves the chunk payloads of a region of bytes to the region's front, so all the chunks
 * of one socket read reach the SSE parser as one run of bytes, with no buffer or message per chunk.
 * Any split of the same body into regions gives the same payload bytes.
 *
 * <p>Chunk extensions and trailer fields are read past and dropped. Lines may end with CRLF or a
 * bare LF. A chunk-size line (extensions included) or a trailer line longer than {@link
 * #MAX_LINE}, trailers longer than {@link #MAX_TRAILERS} in all, a size that is not hex or does
 * not fit in 60 bits, or chunk data not followed by a line end break the body: {@link #failure()}
 * then says why, and nothing more is decoded. One instance per response.
 */
final class ChunkedBodyDecoder {
    static final int MAX_LINE = 4096;
    static final int MAX_TRAILERS = 8192;

    /** The first character of a chunk-size line. */
    private static final int SIZE_START = 0;
    /** More hex digits of the size, or what ends them. */
    private static final int SIZE = 1;
    /** After the size: extensions or whitespace up to the LF. */
    private static final int SIZE_EXTENSION = 2;
    /** Payload bytes of the current chunk. */
    private static final int DATA = 3;
    /** The line end after a chunk's data: CR or LF. */
    private static final int DATA_END = 4;
    /** The LF after that CR. */
    private static final int DATA_END_LF = 5;
    /** The start of a trailer line, or of the blank line that ends the body. */
    private static final int TRAILER_START = 6;
    /** Inside a trailer field line. */
    private static final int TRAILER = 7;
    /** The LF of the blank line that ends the body. */
    private static final int END_LF = 8;
    /** The body ended; later bytes are not part of it. */
    private static final int DONE = 9;

    /**
     * {@link #wholeChunk} reads at most this many hex digits (60 bits) and leaves longer sizes,
     * which would need the overflow check, to the byte-at-a-time states.
     */
    private static final int MAX_FAST_DIGITS = 15;

    /** A size above this would overflow on the next digit. */
    private static final long MAX_SIZE_BEFORE_DIGIT = (1L << 56) - 1;

    private int state = SIZE_START;
    /** Payload bytes left in the current chunk; while reading the size line, the size so far. */
    private long remaining;
    /** Bytes of the current chunk-size or trailer line so far. */
    private int lineLength;

    private int trailerBytes;
    /** Why the framing broke; the payload decoded before it is still returned. */
    private MalformedResponseException failure;
    /** Where the next payload byte goes in the region being decoded. */
    private int write;

    /** Whether the last chunk and the trailers have been read: the body is complete. */
    boolean isDone() {
        return state == DONE;
    }

    /** Where in the body the decoder stands, for the message about a body cut short. */
    String position() {
        switch (state) {
            case DATA:
                return "inside a chunk (" + remaining + " bytes missing)";
            case TRAILER_START:
            case TRAILER:
            case END_LF:
                return "in the trailers after the last chunk";
            case DONE:
                return "after the body";
            default:
                return "before the last chunk";
        }
    }

    /** Why the framing broke, once it has; {@link #decode} then returns nothing more. */
    MalformedResponseException failure() {
        return failure;
    }

    /**
     * Decodes {@code bytes[from, to)}: the payload it holds is moved to {@code bytes[from, from +
     * n)}, and {@code n} is returned. Bytes after the end of the body are left alone and not
     * counted. When the framing breaks, the payload before the break is still returned and {@link
     * #failure()} says what broke: the caller hands on what was good before it reports the error.
     */
    int decode(byte[] bytes, int from, int to) {
        if (failure != null) {
            return 0;
        }
        write = from;
        try {
            decodeFrames(bytes, from, to);
        } catch (MalformedResponseException e) {
            failure = e;
        }
        return write - from;
    }

    private void decodeFrames(byte[] bytes, int from, int to) {
        int read = from;
        while (read < to) {
            switch (state) {
                case DATA: {
                    int n = (int) Math.min(remaining, to - read);
                    if (write != read) {
                        System.arraycopy(bytes, read, bytes, write, n);
                    }
                    read += n;
                    write += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = DATA_END;
                    }
                    break;
                }
                case SIZE_START: {
                    int next = wholeChunk(bytes, read, to);
                    if (next >= 0) {
                        read = next;
                        break;
                    }
                    remaining = 0;
                    lineLength = 0;
                    read = sizeDigit(bytes[read], read, true);
                    break;
                }
                case SIZE:
                    read = sizeDigit(bytes[read], read, false);
                    break;
                case SIZE_EXTENSION:
                    read = skipLine(bytes, read, to, "chunk-size line");
                    if (read < to) { // at the LF
                        read++;
                        sizeLineEnded();
                    }
                    break;
                case DATA_END:
                    read = dataEnd(bytes[read], read, true);
                    break;
                case DATA_END_LF:
                    read = dataEnd(bytes[read], read, false);
                    break;
                case TRAILER_START: {
                    byte b = bytes[read++];
                    if (b == '\n') {
                        state = DONE;
                    } else if (b == '\r') {
                        state = END_LF;
                    } else {
                        state = TRAILER;
                        lineLength = 1;
                        countTrailerBytes(1);
                    }
                    break;
                }
                case TRAILER: {
                    int start = read;
                    read = skipLine(bytes, read, to, "trailer line");
                    countTrailerBytes(read - start);
                    if (read < to) { // at the LF
                        read++;
                        state = TRAILER_START;
                    }
                    break;
                }
                case END_LF:
                    if (bytes[read] != '\n') {
                        throw new MalformedResponseException("chunked body: CR without LF after the trailers, found "
                                + MalformedResponseException.describe(bytes[read]));
                    }
                    read++;
                    state = DONE;
                    break;
                case DONE:
                default:
                    return;
            }
        }
    }

    /**
     * The common case in one step: a data chunk that lies wholly in {@code bytes[from, to)}, its size
     * line plain hex digits and CRLF (or LF), its data followed by CRLF (or LF). Moves the data to
     * {@link #write} and returns the index after the chunk, or -1 for anything else (the last chunk,
     * extensions, a chunk cut by the region's end, a malformed frame), which the byte-at-a-time
     * states then read from the same place, with the same results and errors.
     */
    private int wholeChunk(byte[] bytes, int from, int to) {
        int i = from;
        long size = 0;
        int digitsEnd = Math.min(to, from + MAX_FAST_DIGITS);
        for (int digit; i < digitsEnd && (digit = hexValue(bytes[i])) >= 0; i++) {
            size = (size << 4) | digit;
        }
        if (size == 0 || i == digitsEnd) {
            return -1;
        }
        int data = lineEnd(bytes, i, to);
        if (data < 0 || size > to - data) {
            return -1;
        }
        int n = (int) size;
        int next = lineEnd(bytes, data + n, to);
        if (next < 0) {
            return -1;
        }
        if (write != data) {
            System.arraycopy(bytes, data, bytes, write, n);
        }
        write += n;
        return next;
    }

    /** The index after a CRLF or LF at {@code i}, or -1 when there is none before {@code to}. */
    private static int lineEnd(byte[] bytes, int i, int to) {
        if (i < to && bytes[i] == '\n') {
            return i + 1;
        }
        if (i + 1 < to && bytes[i] == '\r' && bytes[i + 1] == '\n') {
            return i + 2;
        }
        return -1;
    }

    /** One byte of the chunk-size; returns the index after it. */
    private int sizeDigit(byte b, int index, boolean first) {
        int digit = hexValue(b);
        if (digit >= 0) {
            if (remaining > MAX_SIZE_BEFORE_DIGIT) {
                throw new MalformedResponseException("chunked body: chunk size too large");
            }
            remaining = (remaining << 4) | digit;
            state = SIZE;
            countLine(1, "chunk-size line");
            return index + 1;
        }
        if (first) {
            throw new MalformedResponseException(
                    "chunked body: expected a hex chunk size, found " + MalformedResponseException.describe(b));
        }
        if (b == '\n') {
            sizeLineEnded();
        } else if (b == ';' || b == ' ' || b == '\t' || b == '\r') {
            // Extensions (and the whitespace before them) carry nothing we use; CR ends the line.
            state = SIZE_EXTENSION;
            countLine(1, "chunk-size line");
        } else {
            throw new MalformedResponseException("chunked body: malformed chunk size, found "
                    + MalformedResponseException.describe(b) + " after the hex digits");
        }
        return index + 1;
    }

    private void sizeLineEnded() {
        if (remaining == 0) {
            state = TRAILER_START;
            trailerBytes = 0;
        } else {
            state = DATA;
        }
    }

    /** The CR LF (or LF) that must follow a chunk's data; returns the index after the byte. */
    private int dataEnd(byte b, int index, boolean expectCr) {
        if (b == '\n') {
            state = SIZE_START;
        } else if (expectCr && b == '\r') {
            state = DATA_END_LF;
        } else {
            throw new MalformedResponseException("chunked body: chunk data not followed by a line end, found "
                    + MalformedResponseException.describe(b));
        }
        return index + 1;
    }

    /** Skips to the next LF within the region (returns its index, or {@code to} without one). */
    private int skipLine(byte[] bytes, int from, int to, String what) {
        int i = from;
        while (i < to && bytes[i] != '\n') {
            i++;
        }
        countLine(i - from, what);
        return i;
    }

    private void countLine(int n, String what) {
        lineLength += n;
        if (lineLength > MAX_LINE) {
            throw new MalformedResponseException("chunked body: " + what + " longer than " + MAX_LINE + " bytes");
        }
    }

    private void countTrailerBytes(int n) {
        trailerBytes += n;
        if (trailerBytes > MAX_TRAILERS) {
            throw new MalformedResponseException("chunked body: trailers longer than " + MAX_TRAILERS + " bytes");
        }
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
