package io.sseconnector.client;

import io.sseconnector.client.internal.LogText;
import io.sseconnector.core.SseLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one {@link SseStream} needs; immutable, variants made with the {@code with...}
 * methods. Start from {@link #of(URI)}.
 *
 * @param uri the stream's URL (http or https)
 * @param headers extra request headers, in order; values may reference {@code ${env:NAME}} and
 *     {@code ${file:PATH}}, resolved at each connect and never logged
 * @param lastEventId the initial last event id ({@code ""} for none), sent as Last-Event-ID
 * @param eventTypes event types handed to the listener; empty means all
 * @param backoff the reconnect delays
 * @param reconnect whether to reconnect after an end of stream or a retryable failure
 * @param connectTimeout limit for TCP + TLS + response headers
 * @param readTimeout no byte for this long (comments included) means reconnect
 * @param maxRedirects redirects followed per connect
 * @param limits parser limits; an event past them is skipped, not fatal ({@link StreamSignal.Skipped})
 * @param tls TLS settings for https (ignored for http)
 * @param proxy an HTTP CONNECT proxy, or {@code null}
 */
public record SseClientConfig(
        URI uri,
        Map<String, String> headers,
        String lastEventId,
        Set<String> eventTypes,
        Backoff backoff,
        boolean reconnect,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRedirects,
        SseLimits limits,
        Tls tls,
        Proxy proxy) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_REDIRECTS = 10;

    public SseClientConfig {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("SSE URL must be http:// or https://, was " + uri);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(lastEventId, "lastEventId");
        eventTypes = Set.copyOf(eventTypes);
        Objects.requireNonNull(backoff, "backoff");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
    }

    /** Defaults: no headers, no id, all types, {@link Backoff#DEFAULTS}, reconnecting, 60 s idle. */
    public static SseClientConfig of(URI uri) {
        return new SseClientConfig(
                uri,
                Map.of(),
                "",
                Set.of(),
                Backoff.DEFAULTS,
                true,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_REDIRECTS,
                SseLimits.DEFAULTS,
                Tls.DEFAULTS,
                null);
    }

    public SseClientConfig withHeaders(Map<String, String> value) {
        return new SseClientConfig(
                uri,
                value,
                lastEventId,
                eventTypes,
                backoff,
                reconnect,
                connectTimeout,
                readTimeout,
                maxRedirects,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withLastEventId(String value) {
        return new SseClientConfig(
                uri,
                headers,
                value,
                eventTypes,
                backoff,
                reconnect,
                connectTimeout,
                readTimeout,
                maxRedirects,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withEventTypes(Set<String> value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                value,
                backoff,
                reconnect,
                connectTimeout,
                readTimeout,
                maxRedirects,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withBackoff(Backoff value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                value,
                reconnect,
                connectTimeout,
                readTimeout,
                maxRedirects,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withReconnect(boolean value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                backoff,
                value,
                connectTimeout,
                readTimeout,
                maxRedirects,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withConnectTimeout(Duration value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                backoff,
                reconnect,
                value,
                readTimeout,
                maxRedirects,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withReadTimeout(Duration value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                backoff,
                reconnect,
                connectTimeout,
                value,
                maxRedirects,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withMaxRedirects(int value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                backoff,
                reconnect,
                connectTimeout,
                readTimeout,
                value,
                limits,
                tls,
                proxy);
    }

    public SseClientConfig withLimits(SseLimits value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                backoff,
                reconnect,
                connectTimeout,
                readTimeout,
                maxRedirects,
                value,
                tls,
                proxy);
    }

    public SseClientConfig withTls(Tls value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                backoff,
                reconnect,
                connectTimeout,
                readTimeout,
                maxRedirects,
                limits,
                value,
                proxy);
    }

    public SseClientConfig withProxy(Proxy value) {
        return new SseClientConfig(
                uri,
                headers,
                lastEventId,
                eventTypes,
                backoff,
                reconnect,
                connectTimeout,
                readTimeout,
                maxRedirects,
                limits,
                tls,
                value);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + d);
        }
    }

    /**
     * Reconnect delays: from {@code initialDelay}, doubling up to {@code maxDelay}, each with
     * ±{@code jitter} (a fraction); back to the start once a connection stayed healthy for {@code
     * resetAfter}. A {@code retry:} field replaces the base delay.
     */
    public record Backoff(Duration initialDelay, Duration maxDelay, Duration resetAfter, double jitter) {
        public static final Backoff DEFAULTS =
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), 0.25);

        public Backoff {
            Objects.requireNonNull(initialDelay, "initialDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(resetAfter, "resetAfter");
            if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException(
                        "need 0 <= initialDelay <= maxDelay, was " + initialDelay + " and " + maxDelay);
            }
            if (jitter < 0 || jitter >= 1) {
                throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
            }
        }

        public Backoff withInitialDelay(Duration value) {
            return new Backoff(value, maxDelay.compareTo(value) < 0 ? value : maxDelay, resetAfter, jitter);
        }

        public Backoff withMaxDelay(Duration value) {
            return new Backoff(initialDelay, value, resetAfter, jitter);
        }

        public Backoff withResetAfter(Duration value) {
            return new Backoff(initialDelay, maxDelay, value, jitter);
        }

        public Backoff withJitter(double value) {
            return new Backoff(initialDelay, maxDelay, resetAfter, value);
        }
    }

    /**
     * TLS for https: a CA bundle (PEM) instead of the JDK trust store, a client certificate for
     * mutual TLS as PEM certificate + PKCS#8 key or as a PKCS#12 store, hostname verification.
     */
    public record Tls(
            Path caFile,
            Path certFile,
            Path keyFile,
            String keyPassword,
            Path pkcs12File,
            String pkcs12Password,
            boolean verifyHostname) {
        public static final Tls DEFAULTS = new Tls(null, null, null, null, null, null, true);

        @Override
        public String toString() {
            return "Tls[caFile=" + caFile + ", certFile=" + certFile + ", keyFile=" + keyFile + ", pkcs12File="
                    + pkcs12File + ", verifyHostname=" + verifyHostname + "]";
        }
    }

    /** An HTTP proxy reached with CONNECT; credentials, when given, are sent as Basic auth. */
    public record Proxy(String host, int port, String username, String password) {
        public Proxy {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
            }
        }

        @Override
        public String toString() {
            return "Proxy[" + host + ":" + port + (username == null ? "" : ", user=" + username) + "]";
        }
    }

    @Override
    public String toString() {
        // Header values may hold secrets: only their names are shown.
        return "SseClientConfig[uri=" + LogText.withoutUserInfo(uri) + ", headers=" + headers.keySet()
                + ", lastEventId=" + lastEventId
                + ", eventTypes=" + eventTypes + ", backoff=" + backoff + ", reconnect=" + reconnect
                + ", readTimeout=" + readTimeout + ", tls=" + tls + ", proxy=" + proxy + "]";
    }
}
