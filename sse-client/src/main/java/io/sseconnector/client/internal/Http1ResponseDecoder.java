package io.sseconnector.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import java.util.List;

/**
 * The HTTP/1.1 response side of a connection, read straight from the socket's buffers: the head
 * (see {@link ResponseHeadParser}), then the body as its framing says (RFC 9112 §6.3): none for
 * 1xx, 204 and 304 (after a 1xx the next head follows), {@code Transfer-Encoding: chunked} (see
 * {@link ChunkedBodyDecoder}), {@code Content-Length}, or until the connection closes.
 *
 * <p>Body bytes go to the {@link Sink} as array slices of up to {@link LoopScratch#SIZE} bytes,
 * never one per chunk or event: a heap buffer's own array when no framing must be stripped, else
 * the event loop's {@link LoopScratch} array. Nothing is allocated per read. Between slices the
 * decoder asks the sink whether it is {@linkplain Sink#paused() paused}, and if so returns with the
 * rest of the buffer unread, so a socket read larger than a slice never runs far past a pause. A
 * broken head or body makes {@link #decode} throw {@link MalformedResponseException} after the sink
 * got every good byte before the break. Event loop only; one instance per connection.
 */
final class Http1ResponseDecoder {
    /** What the decoder hands on, in stream order. */
    interface Sink {
        /** A response head: an interim (1xx) head, or the final one. */
        void onHead(HttpResponse head);

        /** Body bytes; the array is valid only during the call. */
        void onBody(byte[] bytes, int offset, int length);

        /** The body ended as its framing says (right after the head when there is none). */
        void onBodyEnd();

        /** Whether to stop taking bytes for now: {@link #decode} then returns with the rest unread. */
        boolean paused();
    }

    private static final int HEAD = 0;
    private static final int UNTIL_CLOSE = 1;
    private static final int FIXED_LENGTH = 2;
    private static final int CHUNKED = 3;
    private static final int DONE = 4;

    private final Sink sink;
    private final ResponseHeadParser heads = new ResponseHeadParser();
    private ChunkedBodyDecoder chunks;
    /** Body bytes still to come for {@link #FIXED_LENGTH}. */
    private long remaining;

    private int state = HEAD;
    /** {@link #stop()} was called: the sink wants nothing more. */
    private boolean stopped;

    Http1ResponseDecoder(Sink sink) {
        this.sink = sink;
    }

    /**
     * Reads what {@code in} holds (it moves the reader index), handing the sink what it finds, until
     * {@code in} is empty, the response is complete, {@link #stop()} was called, or the sink is
     * paused (checked before each slice of at most {@link LoopScratch#SIZE} bytes).
     *
     * @throws MalformedResponseException the head or the body framing is broken
     */
    void decode(ByteBuf in) {
        while (in.isReadable() && !sink.paused()) {
            switch (state) {
                case HEAD:
                    HttpResponse head = heads.parse(in);
                    if (head != null) {
                        started(head);
                    }
                    break;
                case UNTIL_CLOSE:
                    plain(in, in.readableBytes());
                    break;
                case FIXED_LENGTH:
                    fixedLength(in);
                    break;
                case CHUNKED:
                    chunked(in);
                    break;
                case DONE:
                default:
                    return;
            }
        }
    }

    /** Whether the response is complete or {@link #stop()} was called: {@link #decode} takes no more bytes. */
    boolean done() {
        return state == DONE;
    }

    /** The connection is done with: later bytes are dropped. */
    void stop() {
        stopped = true;
        state = DONE;
    }

    /**
     * Why the connection closing now cuts the body short, or {@code null} when it does not: no body
     * started, the body runs until the close, or it is complete.
     */
    String unfinishedBody() {
        switch (state) {
            case FIXED_LENGTH:
                return "the connection closed with " + remaining + " bytes of the body (Content-Length) missing";
            case CHUNKED:
                return "the connection closed " + chunks.position();
            default:
                return null;
        }
    }

    private void started(HttpResponse head) {
        int status = head.status().code();
        int framing = framing(head, status);
        // Set before the sink sees the head: it may stop us from inside (a redirect, a failure).
        // An interim (1xx) response has no body, and the final head follows it.
        state = framing == DONE && status < 200 ? HEAD : framing;
        sink.onHead(head);
        if (framing == DONE && !stopped) {
            sink.onBodyEnd();
        }
    }

    /** The body's framing: {@link #DONE} for none. */
    private int framing(HttpResponse head, int status) {
        if (status < 200 || status == 204 || status == 304) {
            return DONE;
        }
        HttpHeaders headers = head.headers();
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty()) {
            // Chunked must be the last coding; any other leaves the body to end with the connection.
            String all = codings.get(codings.size() - 1);
            String last = all.substring(all.lastIndexOf(',') + 1).trim();
            if (last.equalsIgnoreCase("chunked")) {
                chunks = new ChunkedBodyDecoder();
                return CHUNKED;
            }
            return UNTIL_CLOSE;
        }
        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (!lengths.isEmpty()) {
            remaining = contentLength(lengths);
            return remaining == 0 ? DONE : FIXED_LENGTH;
        }
        return UNTIL_CLOSE;
    }

    /** Every value (and list element) must be the same decimal number. */
    private static long contentLength(List<String> values) {
        long length = -1;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                String digits = element.trim();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new MalformedResponseException(
                            "an invalid Content-Length " + LogText.quote(String.join(", ", values), 64));
                }
                long parsed = Long.parseLong(digits);
                if (length >= 0 && parsed != length) {
                    throw new MalformedResponseException(
                            "conflicting Content-Length values " + LogText.quote(String.join(", ", values), 64));
                }
                length = parsed;
            }
        }
        return length;
    }

    private void fixedLength(ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        remaining -= plain(in, n);
        if (remaining == 0 && !stopped) {
            state = DONE;
            sink.onBodyEnd();
        }
    }

    /**
     * Up to {@code n} body bytes without framing, at most one {@link LoopScratch#SIZE} slice: a heap
     * buffer's array as it is, else through the scratch. Returns how many it took.
     */
    private int plain(ByteBuf in, int n) {
        int k = Math.min(n, LoopScratch.SIZE);
        if (in.hasArray()) {
            int index = in.readerIndex();
            in.skipBytes(k);
            sink.onBody(in.array(), in.arrayOffset() + index, k);
            return k;
        }
        byte[] scratch = LoopScratch.get();
        in.readBytes(scratch, 0, k);
        sink.onBody(scratch, 0, k);
        return k;
    }

    private void chunked(ByteBuf in) {
        byte[] scratch = LoopScratch.get();
        int k = Math.min(in.readableBytes(), scratch.length);
        in.readBytes(scratch, 0, k);
        // Bytes after the body's end are dropped with the rest: nothing follows an SSE body.
        int payload = chunks.decode(scratch, 0, k);
        if (payload > 0) {
            sink.onBody(scratch, 0, payload);
        }
        if (stopped) {
            return;
        }
        if (chunks.failure() != null) {
            state = DONE;
            throw chunks.failure();
        }
        if (chunks.isDone()) {
            state = DONE;
            sink.onBodyEnd();
        }
    }
}
