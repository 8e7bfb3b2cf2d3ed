package io.sseconnector.client.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request head as a {@link ScriptedSseServer} read it. Header lookups ignore case; values are
 * kept as the raw bytes sent and decoded as UTF-8 by {@link #header(String)}.
 */
public final class RecordedRequest {
    private final int sequence;
    private final String requestLine;
    private final List<Map.Entry<String, byte[]>> headers;

    RecordedRequest(int sequence, String requestLine, List<Map.Entry<String, byte[]>> headers) {
        this.sequence = sequence;
        this.requestLine = requestLine;
        this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
    }

    /** 0 for the server's first request, counting up. */
    public int sequence() {
        return sequence;
    }

    /** The request line as sent, e.g. {@code GET /events?x=1 HTTP/1.1}. */
    public String requestLine() {
        return requestLine;
    }

    /** The method, e.g. {@code GET}. */
    public String method() {
        return part(0);
    }

    /** The request target: the path with its query, e.g. {@code /events?x=1}. */
    public String path() {
        return part(1);
    }

    /** The protocol version, e.g. {@code HTTP/1.1}. */
    public String version() {
        return part(2);
    }

    /** The first value of this header decoded as UTF-8, or {@code null}. */
    public String header(String name) {
        byte[] raw = headerBytes(name);
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    /** The raw bytes of this header's first value, or {@code null}. */
    public byte[] headerBytes(String name) {
        for (Map.Entry<String, byte[]> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue().clone();
            }
        }
        return null;
    }

    /** Every value of this header, in order, decoded as UTF-8. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, byte[]> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(new String(h.getValue(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Header names in the order sent (first spelling of each). */
    public Set<String> headerNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, byte[]> h : headers) {
            names.add(h.getKey());
        }
        return names;
    }

    private String part(int index) {
        String[] parts = requestLine.split(" ", 3);
        return index < parts.length ? parts[index] : "";
    }

    @Override
    public String toString() {
        // Values may be secrets: names only.
        return "RecordedRequest[#" + sequence + " " + requestLine + ", headers=" + headerNames() + "]";
    }
}
