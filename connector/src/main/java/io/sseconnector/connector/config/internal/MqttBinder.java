package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.MqttConfig;
import io.sseconnector.connector.config.MqttUrl;
import io.sseconnector.connector.config.Quantities;
import io.sseconnector.connector.config.Secret;
import io.sseconnector.connector.config.TlsConfig;
import io.sseconnector.connector.config.UnmatchedPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code mqtt} section, the {@code tls} blocks and the {@code unmatched} policies. */
final class MqttBinder {
    static final List<String> KEYS = List.of(
            "url",
            "version",
            "clientId",
            "username",
            "password",
            "tls",
            "cleanStart",
            "sessionExpiry",
            "keepAlive",
            "connectTimeout");
    static final List<String> TLS_KEYS = List.of("caFile", "certFile", "keyFile", "keyPassword");
    static final List<String> UNMATCHED_KEYS = List.of("topic", "qos");

    private final Binding binding;
    private final String hostname;

    MqttBinder(Binding binding, String hostname) {
        this.binding = binding;
        this.hostname = hostname;
    }

    Optional<MqttConfig> bind(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        int errors = binding.problems.errorCount();
        Optional<MqttUrl> url = f.required("url").flatMap(this::url);
        int version = f.get("version").map(this::version).orElse(MqttConfig.DEFAULT_VERSION);
        binding.mqttVersion = version;
        String clientId =
                f.get("clientId").flatMap(binding.scalars::nonEmptyText).orElse("sse-connector-" + hostname);
        Optional<String> username = f.text("username");
        Optional<Secret> password = f.secret("password");
        if (version == 3
                && password.isPresent()
                && username.isEmpty()
                && f.get("username").isEmpty()) {
            f.error("password", "MQTT 3.1.1 sends a password only with a username; add username");
        }
        Optional<TlsConfig> tls = f.get("tls").flatMap(this::tls);
        if (f.get("tls").isPresent() && url.isPresent() && !url.get().isTls()) {
            // A tls block suggests the user believes the connection is encrypted: it would not be.
            f.error(
                    "tls",
                    "tls applies to mqtts:// brokers, but url is " + url.get()
                            + ", which is not encrypted; write url: mqtts://host:port, or remove tls");
        }
        boolean cleanStart = f.bool("cleanStart", MqttConfig.DEFAULT_CLEAN_START);
        Duration sessionExpiry = f.duration("sessionExpiry", MqttConfig.DEFAULT_SESSION_EXPIRY);
        if (sessionExpiry.compareTo(MqttConfig.MAX_SESSION_EXPIRY) > 0) {
            f.error("sessionExpiry", "sessionExpiry is at most 4294967295s (about 136 years)");
        }
        if (version == 3 && f.get("sessionExpiry").isPresent()) {
            f.warning("sessionExpiry", "sessionExpiry is an MQTT 5 setting; MQTT 3.1.1 ignores it");
        } else if (version == 5 && !cleanStart && sessionExpiry.isZero()) {
            f.warning(
                    "cleanStart",
                    "with cleanStart: false and no sessionExpiry the broker drops the session when the connection"
                            + " ends; set sessionExpiry to keep it");
        }
        Duration keepAlive = f.duration("keepAlive", MqttConfig.DEFAULT_KEEP_ALIVE);
        if (keepAlive.compareTo(MqttConfig.MAX_KEEP_ALIVE) > 0) {
            f.error("keepAlive", "keepAlive is at most 65535s (MQTT sends it as 16 bits)");
        }
        Duration connectTimeout =
                positive(f, "connectTimeout", MqttConfig.DEFAULT_CONNECT_TIMEOUT, "would fail every connect");
        if (url.isEmpty() || binding.problems.errorCount() > errors) {
            return Optional.empty();
        }
        return binding.build(
                node,
                () -> new MqttConfig(
                        url.get(),
                        version,
                        clientId,
                        username,
                        password,
                        tls,
                        cleanStart,
                        sessionExpiry,
                        keepAlive,
                        connectTimeout));
    }

    private Optional<MqttUrl> url(Node node) {
        Optional<String> text = binding.scalars.nonEmptyText(node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MqttUrl.parse(text.get().trim()));
        } catch (IllegalArgumentException e) {
            binding.problems.error(node, Scalars.quoteUrl((Node.Scalar) node) + " " + e.getMessage());
            return Optional.empty();
        }
    }

    private int version(Node node) {
        String range = "version must be 3 (MQTT 3.1.1) or 5";
        long version = binding.scalars.integer(node, 3, 5, range).orElse(MqttConfig.DEFAULT_VERSION);
        if (version == 4) {
            binding.problems.error(node, range + ", found '4'");
            return MqttConfig.DEFAULT_VERSION;
        }
        return (int) version;
    }

    /** A {@code tls} block: readable files, a certificate with its key. */
    Optional<TlsConfig> tls(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, TLS_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        var caFile = f.readableFile("caFile");
        var certFile = f.readableFile("certFile");
        var keyFile = f.readableFile("keyFile");
        var keyPassword = f.secret("keyPassword");
        if (f.get("certFile").isPresent() != f.get("keyFile").isPresent()) {
            f.error(
                    f.get("certFile").isPresent() ? "certFile" : "keyFile",
                    "certFile and keyFile go together (the client certificate and its private key)");
            return Optional.empty();
        }
        if (keyPassword.isPresent() && f.get("keyFile").isEmpty()) {
            f.error("keyPassword", "keyPassword is the password of keyFile, which is not set");
        }
        return binding.build(node, () -> new TlsConfig(caFile, certFile, keyFile, keyPassword));
    }

    /** {@code drop} or {@code {topic, qos}}; a topic may use {device} and {event}. */
    Optional<UnmatchedPolicy> unmatched(Node node) {
        if (node instanceof Node.Scalar scalar) {
            if (binding.scalars
                    .text(scalar)
                    .filter(t -> t.trim().equals("drop"))
                    .isPresent()) {
                return Optional.of(UnmatchedPolicy.DEFAULT);
            }
            binding.problems.error(node, "expected drop or { topic: …, qos: … }, found " + Scalars.quote(scalar));
            return Optional.empty();
        }
        Optional<Fields> found = Fields.of(binding.scalars, node, UNMATCHED_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        Optional<String> topic =
                f.required("topic").flatMap(t -> Templates.topic(binding.scalars, t, Templates.UNMATCHED));
        int qos = (int) f.get("qos")
                .map(q -> AioForms.qos(binding.scalars, q).orElse(1))
                .orElse(1L)
                .longValue();
        f.get("topic").ifPresent(binding.mqttUses::add);
        return topic.flatMap(t -> binding.build(node, () -> new UnmatchedPolicy.Publish(t, qos)));
    }

    /**
     * A duration that must be positive: 0 is a tuning mistake, replaced by the default with a
     * warning naming the component.
     */
    static Duration positive(Fields f, String key, Duration fallback, String why) {
        Duration value = f.duration(key, fallback);
        if (value.isZero()) {
            f.warning(key, key + " 0s " + why + "; using " + Quantities.format(fallback));
            return fallback;
        }
        return value;
    }
}
