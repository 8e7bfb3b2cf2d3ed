package io.sseconnector.client.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ScriptedSseServer} does with one connection: a status line and headers, then
 * body steps written in order (each chunk flushed on its own), then an ending (close, hang or
 * reset). Immutable: every method returns a new response, so one value can serve many
 * connections (see {@link ScriptedSseServer#setDefault}).
 *
 * <pre>{@code
 * ScriptedResponse.sse().chunk("id: 1\ndata: x\n\n").pause(Duration.ofMillis(50)).chunk(":hb\n").thenHang();
 * ScriptedResponse.status(503).header("Retry-After", "1");
 * ScriptedResponse.status(200).header("Content-Type", "text/html").body("x");
 * ScriptedResponse.raw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: x\n\n");
 * }</pre>
 */
public final class ScriptedResponse {
    /** How the connection ends after the last step. */
    public enum Ending {
        /** Close the socket (the client sees the end of the stream). */
        CLOSE,
        /** Keep the socket open without writing until the client or the server closes it. */
        HANG,
        /** Abort the connection with a TCP reset. */
        RESET
    }

    /** Writes arbitrary bytes as one body step; the stream is flushed after it. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /** One body step: bytes, a pause, or custom code. */
    sealed interface Step permits Bytes, Pause, Custom {}

    record Bytes(byte[] bytes) implements Step {}

    record Pause(Duration duration) implements Step {}

    record Custom(BodyWriter writer) implements Step {}

    private final boolean answer;
    private final boolean rawHead;
    private final int status;
    private final String reason;
    private final List<String[]> headers;
    private final Duration headDelay;
    private final boolean chunked;
    private final List<Step> steps;
    private final Ending ending;

    private ScriptedResponse(
            boolean answer,
            boolean rawHead,
            int status,
            String reason,
            List<String[]> headers,
            Duration headDelay,
            boolean chunked,
            List<Step> steps,
            Ending ending) {
        this.answer = answer;
        this.rawHead = rawHead;
        this.status = status;
        this.reason = reason;
        this.headers = Collections.unmodifiableList(headers);
        this.headDelay = headDelay;
        this.chunked = chunked;
        this.steps = Collections.unmodifiableList(steps);
        this.ending = ending;
    }

    /**
     * {@code 200 OK}, {@code Content-Type: text/event-stream}, {@code Cache-Control: no-cache},
     * {@code Connection: close} and no Content-Length: the body ends when the socket closes.
     */
    public static ScriptedResponse sse() {
        return status(200).header("Content-Type", "text/event-stream").header("Cache-Control", "no-cache");
    }

    /**
     * A status with its standard reason phrase and {@code Connection: close}. A response without
     * body steps that closes gets {@code Content-Length: 0} (not a 1xx, 204 or 304, nor an event
     * stream: its body ends when the socket closes).
     */
    public static ScriptedResponse status(int status) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Connection", "close"});
        return new ScriptedResponse(
                true, false, status, reasonPhrase(status), headers, Duration.ZERO, false, List.of(), Ending.CLOSE);
    }

    /** Reads the request, then closes the socket without answering. */
    public static ScriptedResponse acceptAndClose() {
        return new ScriptedResponse(
                false, false, 0, "", new ArrayList<>(), Duration.ZERO, false, List.of(), Ending.CLOSE);
    }

    /**
     * Writes {@code bytes} verbatim instead of a generated status line and headers (malformed
     * HTTP, unusual framing); further chunks follow it as they are.
     */
    public static ScriptedResponse raw(String bytes) {
        return raw(bytes.getBytes(StandardCharsets.UTF_8));
    }

    /** Like {@link #raw(String)}, with bytes. */
    public static ScriptedResponse raw(byte[] bytes) {
        return new ScriptedResponse(true, true, 0, "", new ArrayList<>(), Duration.ZERO, false, List.of(), Ending.CLOSE)
                .chunk(bytes);
    }

    /** Replaces every header of this name (case-insensitive) with one of this value. */
    public ScriptedResponse header(String name, String value) {
        return removeHeader(name).addHeader(name, value);
    }

    /** Adds a header, keeping others of the same name. */
    public ScriptedResponse addHeader(String name, String value) {
        List<String[]> copy = new ArrayList<>(headers);
        copy.add(new String[] {name, value});
        return new ScriptedResponse(answer, rawHead, status, reason, copy, headDelay, chunked, steps, ending);
    }

    /** Removes every header of this name (case-insensitive). */
    public ScriptedResponse removeHeader(String name) {
        List<String[]> copy = new ArrayList<>(headers);
        copy.removeIf(h -> h[0].equalsIgnoreCase(name));
        return new ScriptedResponse(answer, rawHead, status, reason, copy, headDelay, chunked, steps, ending);
    }

    /** Replaces the reason phrase of the status line. */
    public ScriptedResponse reason(String value) {
        return new ScriptedResponse(answer, rawHead, status, value, headers, headDelay, chunked, steps, ending);
    }

    /** Waits this long after reading the request before writing anything (a slow server). */
    public ScriptedResponse headersDelay(Duration value) {
        return new ScriptedResponse(answer, rawHead, status, reason, headers, value, chunked, steps, ending);
    }

    /**
     * Uses {@code Transfer-Encoding: chunked}: each {@link #chunk} becomes one HTTP chunk, and the
     * last-chunk marker is written before the socket closes (not when the response hangs).
     */
    public ScriptedResponse chunked() {
        return new ScriptedResponse(answer, rawHead, status, reason, headers, headDelay, true, steps, ending)
                .header("Transfer-Encoding", "chunked");
    }

    /** A body step: these bytes (UTF-8), flushed. */
    public ScriptedResponse chunk(String text) {
        return chunk(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body step: these bytes, flushed. */
    public ScriptedResponse chunk(byte[] bytes) {
        return step(new Bytes(bytes.clone()));
    }

    /** A body step that waits. */
    public ScriptedResponse pause(Duration duration) {
        return step(new Pause(Objects.requireNonNull(duration, "duration")));
    }

    /**
     * A body step that runs code on the connection's thread (for example a long stream of
     * generated events); its bytes go out raw, even in {@link #chunked()} mode.
     */
    public ScriptedResponse write(BodyWriter writer) {
        return step(new Custom(Objects.requireNonNull(writer, "writer")));
    }

    /** The whole body, with a matching {@code Content-Length}. */
    public ScriptedResponse body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return header("Content-Length", Integer.toString(bytes.length)).chunk(bytes);
    }

    /** After the last step, keep the socket open without writing (a stalled server). */
    public ScriptedResponse thenHang() {
        return ending(Ending.HANG);
    }

    /** After the last step, abort the connection with a TCP reset. */
    public ScriptedResponse thenReset() {
        return ending(Ending.RESET);
    }

    private ScriptedResponse ending(Ending value) {
        return new ScriptedResponse(answer, rawHead, status, reason, headers, headDelay, chunked, steps, value);
    }

    private ScriptedResponse step(Step step) {
        List<Step> copy = new ArrayList<>(steps);
        copy.add(step);
        return new ScriptedResponse(answer, rawHead, status, reason, headers, headDelay, chunked, copy, ending);
    }

    public int status() {
        return status;
    }

    /** Name-value pairs in order. */
    List<String[]> headers() {
        return headers;
    }

    boolean answers() {
        return answer;
    }

    boolean isChunked() {
        return chunked;
    }

    Duration headDelay() {
        return headDelay;
    }

    List<Step> steps() {
        return steps;
    }

    Ending ending() {
        return ending;
    }

    /** The status line and headers, or nothing for a raw response. */
    byte[] head() {
        if (rawHead) {
            return new byte[0];
        }
        StringBuilder sb = new StringBuilder(128);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        boolean hasLength = false;
        boolean eventStream = false;
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            hasLength |= h[0].equalsIgnoreCase("Content-Length") || h[0].equalsIgnoreCase("Transfer-Encoding");
            eventStream |= h[0].equalsIgnoreCase("Content-Type") && h[1].startsWith("text/event-stream");
        }
        boolean bodyless = status < 200 || status == 204 || status == 304;
        if (!hasLength && !bodyless && !eventStream && steps.isEmpty() && ending == Ending.CLOSE) {
            sb.append("Content-Length: 0\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        if (!answer) {
            return "ScriptedResponse[accept and close]";
        }
        return "ScriptedResponse[" + (rawHead ? "raw" : status + " " + reason) + ", " + steps.size() + " steps, "
                + ending.name().toLowerCase(Locale.ROOT) + "]";
    }

    static String reasonPhrase(int status) {
        Map<Integer, String> phrases = Map.ofEntries(
                Map.entry(200, "OK"),
                Map.entry(204, "No Content"),
                Map.entry(301, "Moved Permanently"),
                Map.entry(302, "Found"),
                Map.entry(303, "See Other"),
                Map.entry(304, "Not Modified"),
                Map.entry(307, "Temporary Redirect"),
                Map.entry(308, "Permanent Redirect"),
                Map.entry(400, "Bad Request"),
                Map.entry(401, "Unauthorized"),
                Map.entry(403, "Forbidden"),
                Map.entry(404, "Not Found"),
                Map.entry(405, "Method Not Allowed"),
                Map.entry(408, "Request Timeout"),
                Map.entry(410, "Gone"),
                Map.entry(429, "Too Many Requests"),
                Map.entry(500, "Internal Server Error"),
                Map.entry(501, "Not Implemented"),
                Map.entry(502, "Bad Gateway"),
                Map.entry(503, "Service Unavailable"),
                Map.entry(504, "Gateway Timeout"));
        return phrases.getOrDefault(status, "Status " + status);
    }
}
