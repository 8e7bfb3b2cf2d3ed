package io.sseconnector.connector.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hub channel, served at {@code /sse/{id}}.
 *
 * @param id unique; letters, digits, {@code .}, {@code _} and {@code -}
 * @param replay what a reconnecting subscriber can get back by {@code Last-Event-ID}
 * @param subscribe who may subscribe: anyone when absent
 * @param publish who may {@code POST /publish/{id}}: nobody when absent (the bridge's Sse
 *     destinations publish in-process)
 */
public record ChannelConfig(String id, Replay replay, Optional<Auth> subscribe, Optional<Auth> publish) {
    /** What a channel id may hold (it is a path segment). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public ChannelConfig {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("channel id must be letters, digits, '.', '_' or '-', was " + id);
        }
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(subscribe, "subscribe");
        Objects.requireNonNull(publish, "publish");
    }

    /** An open channel with the default replay, closed to HTTP publishers. */
    public static ChannelConfig of(String id) {
        return new ChannelConfig(id, Replay.DEFAULTS, Optional.empty(), Optional.empty());
    }

    public ChannelConfig withReplay(Replay value) {
        return new ChannelConfig(id, value, subscribe, publish);
    }

    public ChannelConfig withSubscribe(Auth value) {
        return new ChannelConfig(id, replay, Optional.of(value), publish);
    }

    public ChannelConfig withPublish(Auth value) {
        return new ChannelConfig(id, replay, subscribe, Optional.of(value));
    }

    /**
     * The replay ring of a channel.
     *
     * @param size events kept (0: no replay)
     * @param ttl how long an event stays replayable
     */
    public record Replay(int size, Duration ttl) {
        public static final Replay DEFAULTS = new Replay(1000, Duration.ofMinutes(10));

        public Replay {
            if (size < 0) {
                throw new IllegalArgumentException("replay size must be >= 0, was " + size);
            }
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("replay ttl must be >= 0, was " + ttl);
            }
        }
    }

    /**
     * An authorization rule: every listed request header must match.
     *
     * @param headers header name (as written) → the rule its value must pass
     */
    public record Auth(Map<String, HeaderRule> headers) {
        public Auth {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    /**
     * One header's rule.
     *
     * @param type how the request's value is compared
     * @param value the expected value, prefix or regular expression (a secret)
     */
    public record HeaderRule(MatchType type, Secret value) {
        public HeaderRule {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }
    }

    /** How a header value is compared. */
    public enum MatchType {
        /** The whole value, compared in constant time. */
        EQUALS,
        /** The value starts with the rule's value. */
        PREFIX,
        /** The whole value matches the rule's regular expression. */
        REGEX
    }
}
