package io.sseconnector.connector.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the MQTT broker is: {@code tcp://host:port}, {@code mqtts://host:port} (TLS), or {@code
 * embedded} (a broker inside the process, on {@link #EMBEDDED}'s loopback port). {@code mqtt://}
 * and {@code ssl://} are accepted and normalised to {@code tcp} and {@code mqtts}.
 *
 * @param scheme {@code tcp}, {@code mqtts} or {@code embedded}
 * @param host a host name or address
 * @param port 1..65535 (1883 for tcp, 8883 for mqtts when not written)
 */
public record MqttUrl(String scheme, String host, int port) {
    public static final String TCP = "tcp";
    public static final String MQTTS = "mqtts";
    public static final String EMBEDDED_SCHEME = "embedded";
    /** The in-process broker, listening on 127.0.0.1:1883. */
    public static final MqttUrl EMBEDDED = new MqttUrl(EMBEDDED_SCHEME, "127.0.0.1", 1883);

    public MqttUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        if (!scheme.equals(TCP) && !scheme.equals(MQTTS) && !scheme.equals(EMBEDDED_SCHEME)) {
            throw new IllegalArgumentException("MQTT scheme must be tcp, mqtts or embedded, was " + scheme);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("MQTT host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("MQTT port must be 1..65535, was " + port);
        }
    }

    /** Parses the forms above; throws {@link IllegalArgumentException} saying what is wrong. */
    public static MqttUrl parse(String text) {
        if (text.equals(EMBEDDED_SCHEME)) {
            return EMBEDDED;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String normalised = switch (scheme) {
            case "tcp", "mqtt" -> TCP;
            case "mqtts", "ssl" -> MQTTS;
            default -> throw new IllegalArgumentException("must be tcp://host:port, mqtts://host:port or embedded");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no host; write it like tcp://127.0.0.1:1883");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("must not have a path or query; write it like tcp://host:port");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials; use mqtt.username and mqtt.password");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : normalised.equals(MQTTS) ? 8883 : 1883;
        return new MqttUrl(normalised, uri.getHost(), port);
    }

    public boolean isEmbedded() {
        return scheme.equals(EMBEDDED_SCHEME);
    }

    public boolean isTls() {
        return scheme.equals(MQTTS);
    }

    @Override
    public String toString() {
        return isEmbedded() ? EMBEDDED_SCHEME : scheme + "://" + host + ":" + port;
    }
}
