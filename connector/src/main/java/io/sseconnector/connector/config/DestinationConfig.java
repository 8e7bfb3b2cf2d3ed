package io.sseconnector.connector.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a routed event goes, by {@code target}. Topics, keys and channels may use the placeholders
 * {@code {device}}, {@code {asset}} and {@code {event}} (the SSE type), and only those.
 */
public sealed interface DestinationConfig {
    /** The {@code target} value in the file. */
    String target();

    /**
     * {@code target: Mqtt}: publish to the broker.
     *
     * @param topic a topic name (no wildcards), may use placeholders
     * @param qos 0, 1 or 2 (also written {@code Qos0|Qos1|Qos2})
     * @param retain whether the broker keeps the last message (also written {@code Keep|Never})
     * @param ttl the message expiry interval (MQTT 5)
     */
    record Mqtt(String topic, int qos, boolean retain, Optional<Duration> ttl) implements DestinationConfig {
        public static final int DEFAULT_QOS = 1;

        public Mqtt {
            Objects.requireNonNull(topic, "topic");
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
            }
            Objects.requireNonNull(ttl, "ttl");
        }

        /** QoS 1, not retained, no expiry. */
        public static Mqtt of(String topic) {
            return new Mqtt(topic, DEFAULT_QOS, false, Optional.empty());
        }

        public Mqtt withQos(int value) {
            return new Mqtt(topic, value, retain, ttl);
        }

        public Mqtt withRetain(boolean value) {
            return new Mqtt(topic, qos, value, ttl);
        }

        public Mqtt withTtl(Duration value) {
            return new Mqtt(topic, qos, retain, Optional.of(value));
        }

        @Override
        public String target() {
            return "Mqtt";
        }
    }

    /** {@code target: Sse}: publish on a hub channel (declared under {@code channels}). */
    record Sse(String channel) implements DestinationConfig {
        public Sse {
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public String target() {
            return "Sse";
        }
    }

    /**
     * {@code target: StateStore}: keep the latest payload under a key (Redis).
     *
     * @param key may use placeholders; defaults to {@link #DEFAULT_KEY}
     */
    record StateStore(String key) implements DestinationConfig {
        /** The latest event of each type, per device. */
        public static final String DEFAULT_KEY = "{device}/{event}";

        public StateStore {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String target() {
            return "StateStore";
        }
    }

    /**
     * {@code target: Http}: a webhook, one request per event, the payload as the body.
     *
     * @param url http or https
     * @param headers request headers; values are secrets
     * @param method {@code POST} (the default) or {@code PUT}
     */
    record Http(URI url, Map<String, Secret> headers, String method) implements DestinationConfig {
        public static final String DEFAULT_METHOD = "POST";

        public Http {
            Objects.requireNonNull(url, "url");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(method, "method");
            if (!method.equals("POST") && !method.equals("PUT")) {
                throw new IllegalArgumentException("method must be POST or PUT, was " + method);
            }
        }

        @Override
        public String target() {
            return "Http";
        }
    }

    /** {@code target: File}: append one JSON line per event to a file. */
    record File(Path path) implements DestinationConfig {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String target() {
            return "File";
        }
    }

    /** {@code target: Stdout}: print each event, as {@code tail} does. */
    record Stdout(Format format) implements DestinationConfig {
        public static final Stdout DEFAULTS = new Stdout(Format.JSONL);

        /** The output formats of {@code tail}. */
        public enum Format {
            JSONL,
            PRETTY
        }

        public Stdout {
            Objects.requireNonNull(format, "format");
        }

        @Override
        public String target() {
            return "Stdout";
        }
    }
}
