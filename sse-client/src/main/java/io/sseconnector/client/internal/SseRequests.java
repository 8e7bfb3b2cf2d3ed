package io.sseconnector.client.internal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.sseconnector.client.SseClientException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds the GET request of one connection attempt. */
final class SseRequests {
    static final AsciiString LAST_EVENT_ID = AsciiString.cached("last-event-id");

    // Names are validated by Netty; values are checked here, so that a raw UTF-8 Last-Event-ID
    // passes and an error never quotes a (secret) value.
    private static final DefaultHttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValueValidation(false);

    private SseRequests() {}

    static FullHttpRequest get(URI uri, List<Map.Entry<String, String>> headers, String lastEventId) {
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.GET,
                target(uri),
                Unpooled.EMPTY_BUFFER,
                HEADERS,
                DefaultHttpHeadersFactory.trailersFactory());
        HttpHeaders h = request.headers();
        h.set(HttpHeaderNames.HOST, hostHeader(uri));
        h.set(HttpHeaderNames.ACCEPT, "text/event-stream");
        h.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        for (Map.Entry<String, String> header : headers) {
            String value = header.getValue();
            if (hasLineBreakOrNul(value)) {
                throw new SseClientException(
                        "header " + header.getKey() + ": the value contains CR, LF or NUL", -1, null);
            }
            try {
                h.set(header.getKey(), value);
            } catch (IllegalArgumentException e) {
                throw new SseClientException(
                        "header name '" + header.getKey() + "' is not a valid HTTP token", -1, null);
            }
        }
        if (!lastEventId.isEmpty()) {
            if (hasLineBreakOrNul(lastEventId)) {
                throw new SseClientException("the last event id contains CR, LF or NUL", -1, null);
            }
            // Non-ASCII ids go out as their UTF-8 bytes; Netty writes an AsciiString's bytes as they are.
            h.set(LAST_EVENT_ID, new AsciiString(lastEventId.getBytes(StandardCharsets.UTF_8), false));
        }
        return request;
    }

    /** Path and query as sent, {@code /} when empty. */
    static String target(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        String query = uri.getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    /** {@code host} or {@code host:port} when the port is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        if (port < 0 || port == defaultPort(uri)) {
            return uri.getHost();
        }
        return uri.getHost() + ":" + port;
    }

    static int port(URI uri) {
        return uri.getPort() < 0 ? defaultPort(uri) : uri.getPort();
    }

    /** The host to connect to: an IPv6 literal without its brackets. */
    static String connectHost(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    static boolean isHttps(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    private static int defaultPort(URI uri) {
        return isHttps(uri) ? 443 : 80;
    }

    private static boolean hasLineBreakOrNul(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return true;
            }
        }
        return false;
    }
}
