package io.sseconnector.core;

import io.sseconnector.core.internal.Utf8;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Encodes events for servers, in UTF-8 with LF line ends; a server encodes each event once and
 * writes the same bytes to every client. Every field is written {@code name: value} (the value
 * after one space), or {@code name:} when the value is empty; since a parser strips exactly one
 * space, values that start with spaces read back unchanged.
 *
 * <p>What an {@link SseParser} reads back from {@link #encode(SseEvent)}:
 *
 * <ul>
 *   <li>the data with each CRLF and CR turned into LF: the format splits data into lines and joins
 *       them with LF. Empty data is one {@code data:} line and reads back as an event with empty
 *       data;
 *   <li>the type; {@code "message"} and {@code ""} are not written and read back as {@code
 *       "message"};
 *   <li>the id, written when not empty (an empty id is not written: the reader keeps its last id);
 *   <li>the retry, when the event has one.
 * </ul>
 *
 * <p>A lone surrogate in any text is written as U+FFFD: UTF-8 cannot carry it.
 */
public final class SseWriter {
    private static final String EVENT = "event: ";
    private static final String ID = "id: ";
    private static final String RETRY = "retry: ";
    private static final String DATA = "data: ";
    private static final String COMMENT = ":";

    private SseWriter() {}

    /**
     * The event as one block of lines ending in a blank line.
     *
     * @throws IllegalArgumentException the type contains CR or LF, or the id contains CR, LF or NUL
     */
    public static byte[] encode(SseEvent event) {
        checkEncodable(event);
        return toBytes(out -> write(event, out));
    }

    /** The number of bytes {@link #encode(SseEvent)} returns for the event. */
    public static int encodedLength(SseEvent event) {
        checkEncodable(event);
        Counter counter = new Counter();
        write(event, counter);
        return counter.length;
    }

    /**
     * Writes {@link #encode(SseEvent)}'s bytes at the buffer's position and advances it.
     *
     * @throws BufferOverflowException fewer than {@link #encodedLength} bytes remain; nothing was
     *     written
     * @throws IllegalArgumentException as {@link #encode(SseEvent)}
     */
    public static void encode(SseEvent event, ByteBuffer out) {
        int length = encodedLength(event);
        if (out.remaining() < length) {
            throw new BufferOverflowException();
        }
        if (out.hasArray()) {
            write(event, new ByteArrayTarget(out.array(), out.arrayOffset() + out.position()));
            out.position(out.position() + length);
        } else {
            out.put(encode(event));
        }
    }

    /**
     * Appends the event as text: the chars that {@link #encode(SseEvent)} encodes (a lone
     * surrogate is appended as it is).
     *
     * @throws IllegalArgumentException as {@link #encode(SseEvent)}; nothing was appended
     */
    public static void encode(SseEvent event, StringBuilder out) {
        checkEncodable(event);
        write(event, new TextTarget(out));
    }

    /**
     * Comment lines, which a parser reports but which dispatch nothing (servers send them as
     * heartbeats): {@code :} then the text, unchanged, so that a parser reports exactly {@code
     * text}; write {@code " ping"} to get {@code ": ping"}. A text with line breaks (CR, LF or CRLF)
     * becomes one comment line per line.
     */
    public static byte[] comment(String text) {
        return toBytes(out -> lines(COMMENT, text, out));
    }

    /**
     * A block that sets the reconnection time and dispatches nothing: {@code retry: N} and a blank
     * line.
     *
     * @throws IllegalArgumentException {@code millis} is negative
     */
    public static byte[] retry(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("retry must be >= 0 ms, was " + millis);
        }
        String digits = Long.toString(millis);
        return toBytes(out -> {
            out.line(RETRY, digits, 0, digits.length());
            out.newline();
        });
    }

    private static void checkEncodable(SseEvent event) {
        String type = event.type();
        if (type.indexOf('\r') >= 0 || type.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an event type cannot contain CR or LF: \"" + type + "\"");
        }
        String id = event.lastEventId();
        if (id.indexOf('\r') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an event id cannot contain CR, LF or NUL: \"" + id + "\"");
        }
    }

    private static void write(SseEvent event, Target out) {
        String type = event.type();
        if (!type.isEmpty() && !type.equals(SseEvent.DEFAULT_TYPE)) {
            out.line(EVENT, type, 0, type.length());
        }
        String id = event.lastEventId();
        if (!id.isEmpty()) {
            out.line(ID, id, 0, id.length());
        }
        if (event.hasRetry()) {
            String retry = Long.toString(event.retry());
            out.line(RETRY, retry, 0, retry.length());
        }
        lines(DATA, event.data(), out);
        out.newline();
    }

    /** One line per line of {@code text}, which may end its lines with CR, LF or CRLF. */
    private static void lines(String prefix, String text, Target out) {
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.line(prefix, text, start, i);
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.line(prefix, text, start, length);
    }

    /** Counts the bytes, then writes them into an array of exactly that size. */
    private static byte[] toBytes(Consumer<Target> writer) {
        Counter counter = new Counter();
        writer.accept(counter);
        ByteArrayTarget target = new ByteArrayTarget(new byte[counter.length], 0);
        writer.accept(target);
        return target.bytes;
    }

    /** Where encoded lines go: a length count, a byte array, or text. */
    private abstract static class Target {
        /**
         * The prefix, the value and LF. A prefix that ends with a space ({@code "data: "}) loses it
         * when the value is empty: {@code "data:"}.
         */
        final void line(String prefix, String value, int from, int to) {
            boolean dropSpace = from == to && prefix.charAt(prefix.length() - 1) == ' ';
            ascii(prefix, dropSpace ? prefix.length() - 1 : prefix.length());
            text(value, from, to);
            newline();
        }

        /** The first {@code length} chars of {@code s}, all ASCII. */
        abstract void ascii(String s, int length);

        abstract void text(String s, int from, int to);

        abstract void newline();
    }

    private static final class Counter extends Target {
        int length;

        @Override
        void ascii(String s, int length) {
            this.length += length;
        }

        @Override
        void text(String s, int from, int to) {
            length += Utf8.encodedLength(s, from, to);
        }

        @Override
        void newline() {
            length++;
        }
    }

    private static final class ByteArrayTarget extends Target {
        final byte[] bytes;
        int position;

        ByteArrayTarget(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        @Override
        void ascii(String s, int length) {
            for (int i = 0; i < length; i++) {
                bytes[position++] = (byte) s.charAt(i);
            }
        }

        @Override
        void text(String s, int from, int to) {
            position = Utf8.encode(s, from, to, bytes, position);
        }

        @Override
        void newline() {
            bytes[position++] = '\n';
        }
    }

    private static final class TextTarget extends Target {
        private final StringBuilder out;

        TextTarget(StringBuilder out) {
            this.out = out;
        }

        @Override
        void ascii(String s, int length) {
            out.append(s, 0, length);
        }

        @Override
        void text(String s, int from, int to) {
            out.append(s, from, to);
        }

        @Override
        void newline() {
            out.append('\n');
        }
    }
}
