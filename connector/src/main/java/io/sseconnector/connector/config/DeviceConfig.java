package io.sseconnector.connector.config;

import io.sseconnector.client.SseClientConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SSE endpoint the bridge keeps a connection to.
 *
 * @param name unique; used in topics ({@code {device}}), offsets and spill file names
 * @param endpoint the SSE URL (http or https)
 * @param headers request headers, in order; values are secrets (see {@link Secret})
 * @param reconnect the backoff between connection attempts (the SSE client's own setting, jitter included)
 * @param readTimeout no byte (not even a comment) for this long means the stream stalled: reconnect
 * @param lastEventId the {@code Last-Event-ID} to start from when nothing is persisted yet
 * @param tls TLS files for an https endpoint
 * @param maxEventSize the largest event, in bytes
 * @param maxLineLength the longest line of the stream, in bytes
 * @param buffer the per-device buffer and its overflow policy
 * @param unmatched what happens to events no asset matches (the top-level policy unless overridden)
 */
public record DeviceConfig(
        String name,
        URI endpoint,
        Map<String, Secret> headers,
        SseClientConfig.Backoff reconnect,
        Duration readTimeout,
        Optional<String> lastEventId,
        Optional<TlsConfig> tls,
        int maxEventSize,
        int maxLineLength,
        BufferConfig buffer,
        UnmatchedPolicy unmatched) {
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** 1 MiB. */
    public static final int DEFAULT_MAX_EVENT_SIZE = 1 << 20;
    /** 1 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

    public DeviceConfig {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("device name is empty");
        }
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("device endpoint must be http:// or https://, was " + endpoint);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isZero() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must be > 0, was " + readTimeout);
        }
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(tls, "tls");
        if (maxEventSize < 1 || maxLineLength < 1) {
            throw new IllegalArgumentException(
                    "maxEventSize and maxLineLength must be >= 1, were " + maxEventSize + " and " + maxLineLength);
        }
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(unmatched, "unmatched");
    }

    /** A device with every default: no headers, 60 s read timeout, 1 MiB limits, unmatched dropped. */
    public static DeviceConfig of(String name, URI endpoint) {
        return new DeviceConfig(
                name,
                endpoint,
                Map.of(),
                SseClientConfig.Backoff.DEFAULTS,
                DEFAULT_READ_TIMEOUT,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_MAX_EVENT_SIZE,
                DEFAULT_MAX_LINE_LENGTH,
                BufferConfig.DEFAULTS,
                UnmatchedPolicy.DEFAULT);
    }

    public DeviceConfig withHeaders(Map<String, Secret> value) {
        return new DeviceConfig(
                name,
                endpoint,
                value,
                reconnect,
                readTimeout,
                lastEventId,
                tls,
                maxEventSize,
                maxLineLength,
                buffer,
                unmatched);
    }

    public DeviceConfig withReconnect(SseClientConfig.Backoff value) {
        return new DeviceConfig(
                name,
                endpoint,
                headers,
                value,
                readTimeout,
                lastEventId,
                tls,
                maxEventSize,
                maxLineLength,
                buffer,
                unmatched);
    }

    public DeviceConfig withReadTimeout(Duration value) {
        return new DeviceConfig(
                name,
                endpoint,
                headers,
                reconnect,
                value,
                lastEventId,
                tls,
                maxEventSize,
                maxLineLength,
                buffer,
                unmatched);
    }

    public DeviceConfig withLastEventId(String value) {
        return new DeviceConfig(
                name,
                endpoint,
                headers,
                reconnect,
                readTimeout,
                Optional.of(value),
                tls,
                maxEventSize,
                maxLineLength,
                buffer,
                unmatched);
    }

    public DeviceConfig withTls(TlsConfig value) {
        return new DeviceConfig(
                name,
                endpoint,
                headers,
                reconnect,
                readTimeout,
                lastEventId,
                Optional.of(value),
                maxEventSize,
                maxLineLength,
                buffer,
                unmatched);
    }

    public DeviceConfig withLimits(int eventSize, int lineLength) {
        return new DeviceConfig(
                name,
                endpoint,
                headers,
                reconnect,
                readTimeout,
                lastEventId,
                tls,
                eventSize,
                lineLength,
                buffer,
                unmatched);
    }

    public DeviceConfig withBuffer(BufferConfig value) {
        return new DeviceConfig(
                name,
                endpoint,
                headers,
                reconnect,
                readTimeout,
                lastEventId,
                tls,
                maxEventSize,
                maxLineLength,
                value,
                unmatched);
    }

    public DeviceConfig withUnmatched(UnmatchedPolicy value) {
        return new DeviceConfig(
                name,
                endpoint,
                headers,
                reconnect,
                readTimeout,
                lastEventId,
                tls,
                maxEventSize,
                maxLineLength,
                buffer,
                value);
    }
}
