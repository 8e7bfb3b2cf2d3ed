package io.sseconnector.connector.config.internal;

import io.sseconnector.client.SseClientConfig;
import io.sseconnector.connector.config.BufferConfig;
import io.sseconnector.connector.config.DeviceConfig;
import io.sseconnector.connector.config.Quantities;
import io.sseconnector.connector.config.Secret;
import io.sseconnector.connector.config.TlsConfig;
import io.sseconnector.connector.config.UnmatchedPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One entry of {@code devices}. */
final class DeviceBinder {
    static final List<String> KEYS = List.of(
            "name",
            "endpoint",
            "headers",
            "reconnect",
            "readTimeout",
            "lastEventId",
            "tls",
            "maxEventSize",
            "maxLineLength",
            "buffer",
            "unmatched");
    static final List<String> RECONNECT_KEYS = List.of("initialDelay", "maxDelay", "resetAfter");
    static final List<String> BUFFER_KEYS = List.of("maxEvents", "maxBytes", "spillBytes", "overflow");
    /** Device and asset names: they end up in topics, file names and URLs. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** RFC 9110 token characters: what a header name may hold. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static final Map<String, BufferConfig.Overflow> OVERFLOW =
            Map.of("block", BufferConfig.Overflow.BLOCK, "drop-oldest", BufferConfig.Overflow.DROP_OLDEST);

    private final Binding binding;
    private final MqttBinder mqtt;

    DeviceBinder(Binding binding, MqttBinder mqtt) {
        this.binding = binding;
        this.mqtt = mqtt;
    }

    Optional<DeviceConfig> bind(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        int errors = binding.problems.errorCount();
        Optional<Node> nameNode = f.required("name");
        // Registered even when malformed, so assets naming it are not reported as dangling too.
        Optional<String> written = nameNode.flatMap(binding.scalars::nonEmptyText);
        written.ifPresent(n -> binding.unique(binding.devices, n, nameNode.get(), "device name"));
        Optional<String> name = written.filter(n -> validName(nameNode.get(), n, "device"));
        Optional<URI> endpoint = f.required("endpoint").flatMap(e -> httpUrl(binding, e));
        Map<String, Secret> headers =
                f.get("headers").map(h -> headers(binding, h)).orElse(Map.of());
        SseClientConfig.Backoff reconnect =
                f.get("reconnect").map(this::reconnect).orElse(SseClientConfig.Backoff.DEFAULTS);
        Duration readTimeout = MqttBinder.positive(
                f, "readTimeout", DeviceConfig.DEFAULT_READ_TIMEOUT, "would reconnect before any byte could arrive");
        Optional<String> lastEventId = f.text("lastEventId");
        if (lastEventId
                .filter(id -> id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0 || id.indexOf('\0') >= 0)
                .isPresent()) {
            f.error("lastEventId", "an event id cannot hold a line break or NUL");
        }
        Optional<TlsConfig> tls = f.get("tls").flatMap(mqtt::tls);
        if (f.get("tls").isPresent()
                && endpoint.filter(e -> e.getScheme().equalsIgnoreCase("http")).isPresent()) {
            f.error("tls", "tls applies to https:// endpoints, but endpoint is http://");
        }
        int maxEventSize = limit(f, "maxEventSize", DeviceConfig.DEFAULT_MAX_EVENT_SIZE);
        int maxLineLength = limit(f, "maxLineLength", DeviceConfig.DEFAULT_MAX_LINE_LENGTH);
        BufferConfig buffer = f.get("buffer").map(b -> buffer(b, maxEventSize)).orElse(BufferConfig.DEFAULTS);
        UnmatchedPolicy unmatched = f.get("unmatched").flatMap(mqtt::unmatched).orElse(binding.unmatched);
        if (name.isEmpty() || endpoint.isEmpty() || binding.problems.errorCount() > errors) {
            return Optional.empty();
        }
        return binding.build(
                node,
                () -> new DeviceConfig(
                        name.get(),
                        endpoint.get(),
                        headers,
                        reconnect,
                        readTimeout,
                        lastEventId,
                        tls,
                        maxEventSize,
                        maxLineLength,
                        buffer,
                        unmatched));
    }

    /** Whether a device or asset name is letters, digits, '.', '_', '-'; reports it when not. */
    boolean validName(Node node, String name, String what) {
        if (NAME.matcher(name).matches()) {
            return true;
        }
        binding.problems.error(
                node,
                "a " + what + " name is letters, digits, '.', '_' and '-', starting with a letter or digit"
                        + " (it is used in topics and file names), found " + Scalars.quote((Node.Scalar) node));
        return false;
    }

    /** An absolute http or https URL. */
    static Optional<URI> httpUrl(Binding binding, Node node) {
        Optional<String> text = binding.scalars.nonEmptyText(node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String quoted = Scalars.quoteUrl((Node.Scalar) node);
        try {
            URI uri = new URI(text.get().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                binding.problems.error(node, quoted + " is not an http:// or https:// URL");
                return Optional.empty();
            }
            if (uri.getRawUserInfo() != null || text.get().trim().matches("(?i)https?://[^/?#]*@.*")) {
                binding.problems.error(
                        node,
                        quoted + " carries a user name or password (user:pass@), which would be printed wherever"
                                + " the URL is; remove it and send the credentials in headers, e.g. headers:"
                                + " { Authorization: \"Basic ${env:NAME}\" } or \"Bearer ${file:PATH}\"");
                return Optional.empty();
            }
            if (uri.getHost() == null) {
                binding.problems.error(node, quoted + " has no host; write it like http://host:port/path");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            binding.problems.error(node, quoted + " is not a URL (" + e.getReason() + ")");
            return Optional.empty();
        }
    }

    /** Header name → value (a secret, one line). */
    static Map<String, Secret> headers(Binding binding, Node node) {
        if (!(node instanceof Node.MapNode map)) {
            binding.scalars.wrongType(node, "a mapping of header names to values");
            return Map.of();
        }
        Map<String, Secret> headers = new LinkedHashMap<>();
        for (Node.Entry entry : map.entries()) {
            if (!HEADER_NAME.matcher(entry.key()).matches()) {
                binding.problems.error(
                        entry.value().path(), entry.keyMark(), "'" + entry.key() + "' is not a valid header name");
                continue;
            }
            Optional<Secret> value = binding.scalars.secret(entry.value());
            if (value.isPresent()
                    && (value.get().value().indexOf('\n') >= 0
                            || value.get().value().indexOf('\r') >= 0)) {
                binding.problems.error(entry.value(), "a header value must be one line (it holds a line break)");
                continue;
            }
            value.ifPresent(v -> headers.put(entry.key(), v));
        }
        return headers;
    }

    private SseClientConfig.Backoff reconnect(Node node) {
        SseClientConfig.Backoff defaults = SseClientConfig.Backoff.DEFAULTS;
        Optional<Fields> found = Fields.of(binding.scalars, node, RECONNECT_KEYS);
        if (found.isEmpty()) {
            return defaults;
        }
        Fields f = found.get();
        Duration initial =
                MqttBinder.positive(f, "initialDelay", defaults.initialDelay(), "would reconnect in a tight loop");
        Duration max =
                f.duration("maxDelay", defaults.maxDelay().compareTo(initial) < 0 ? initial : defaults.maxDelay());
        if (max.compareTo(initial) < 0) {
            f.warning(
                    "maxDelay",
                    "maxDelay " + Quantities.format(max) + " is below initialDelay " + Quantities.format(initial)
                            + "; using " + Quantities.format(initial));
            max = initial;
        }
        Duration resetAfter = f.duration("resetAfter", defaults.resetAfter());
        return new SseClientConfig.Backoff(initial, max, resetAfter, defaults.jitter());
    }

    /** A byte limit of the SSE parser: 1..2 GiB - 1; 0 is replaced by the default. */
    private static int limit(Fields f, String key, int fallback) {
        long value = f.size(key, fallback);
        if (value == 0) {
            f.warning(key, key + " 0 would reject every event; using " + Quantities.formatSize(fallback));
            return fallback;
        }
        if (value > Integer.MAX_VALUE) {
            f.error(key, key + " is at most 2GiB - 1 byte");
            return fallback;
        }
        return (int) value;
    }

    private BufferConfig buffer(Node node, int maxEventSize) {
        Optional<Fields> found = Fields.of(binding.scalars, node, BUFFER_KEYS);
        if (found.isEmpty()) {
            return BufferConfig.DEFAULTS;
        }
        Fields f = found.get();
        BufferConfig defaults = BufferConfig.DEFAULTS;
        long maxEvents = f.integer(
                "maxEvents", defaults.maxEvents(), 0, Integer.MAX_VALUE, "maxEvents must be 0.." + Integer.MAX_VALUE);
        if (maxEvents == 0) {
            f.warning("maxEvents", "maxEvents 0 would hold no event at all; using " + defaults.maxEvents());
            maxEvents = defaults.maxEvents();
        }
        long maxBytes = f.size("maxBytes", defaults.maxBytes());
        if (maxBytes == 0) {
            f.warning(
                    "maxBytes",
                    "maxBytes 0 would hold no event at all; using " + Quantities.formatSize(defaults.maxBytes()));
            maxBytes = defaults.maxBytes();
        } else if (maxBytes < maxEventSize) {
            f.warning(
                    "maxBytes",
                    "maxBytes " + Quantities.formatSize(maxBytes) + " is below maxEventSize "
                            + Quantities.formatSize(maxEventSize) + ", so a large event could never wait; using "
                            + Quantities.formatSize(maxEventSize));
            maxBytes = maxEventSize;
        }
        long spillBytes = f.size("spillBytes", defaults.spillBytes());
        BufferConfig.Overflow overflow = f.choice("overflow", defaults.overflow(), OVERFLOW, "block or drop-oldest");
        return new BufferConfig((int) maxEvents, maxBytes, spillBytes, overflow);
    }
}
