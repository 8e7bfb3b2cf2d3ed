package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.MqttConfig;
import io.sseconnector.connector.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One {@code {target, configuration}} entry of an event's {@code destinations}. */
final class DestinationBinder {
    static final List<String> KEYS = List.of("target", "configuration");
    static final Map<String, String> TARGETS = Map.of(
            "mqtt",
            "Mqtt",
            "sse",
            "Sse",
            "statestore",
            "StateStore",
            "http",
            "Http",
            "file",
            "File",
            "stdout",
            "Stdout");
    private static final String TARGET_FORMS = "Mqtt, Sse, StateStore, Http, File or Stdout";
    private static final Map<String, List<String>> CONFIGURATION_KEYS = Map.of(
            "Mqtt", List.of("topic", "qos", "retain", "ttl"),
            "Sse", List.of("channel"),
            "StateStore", List.of("key"),
            "Http", List.of("url", "headers", "method"),
            "File", List.of("path"),
            "Stdout", List.of("format"));
    private static final Map<String, String> METHODS = Map.of("post", "POST", "put", "PUT");
    private static final Map<String, DestinationConfig.Stdout.Format> FORMATS =
            Map.of("jsonl", DestinationConfig.Stdout.Format.JSONL, "pretty", DestinationConfig.Stdout.Format.PRETTY);

    private final Binding binding;

    DestinationBinder(Binding binding) {
        this.binding = binding;
    }

    /** A list of destinations; the ones that fail are reported and left out. */
    List<DestinationConfig> bindAll(Node node) {
        List<DestinationConfig> out = new ArrayList<>();
        for (Node item : binding.items(node, "a list of destinations ({target, configuration})")) {
            bind(item).ifPresent(out::add);
        }
        return out;
    }

    Optional<DestinationConfig> bind(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        Optional<String> target = f.required("target").flatMap(t -> binding.scalars.choice(t, TARGETS, TARGET_FORMS));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        boolean optional = target.get().equals("StateStore") || target.get().equals("Stdout");
        Optional<Node> configuration = optional ? f.get("configuration") : f.required("configuration");
        if (configuration.isEmpty() && !optional) {
            return Optional.empty();
        }
        Node config = configuration.orElse(new Node.MapNode(
                Node.child(f.map().path(), "configuration"), f.map().mark(), List.of()));
        Optional<Fields> c = Fields.of(binding.scalars, config, CONFIGURATION_KEYS.get(target.get()));
        if (c.isEmpty()) {
            return Optional.empty();
        }
        int errors = binding.problems.errorCount();
        Optional<DestinationConfig> destination = switch (target.get()) {
            case "Mqtt" -> mqtt(c.get());
            case "Sse" -> sse(c.get());
            case "StateStore" -> stateStore(c.get());
            case "Http" -> http(c.get());
            case "File" ->
                c.get().required("path").flatMap(binding.scalars::path).map(DestinationConfig.File::new);
            default ->
                Optional.of(new DestinationConfig.Stdout(
                        c.get().choice("format", DestinationConfig.Stdout.Format.JSONL, FORMATS, "jsonl or pretty")));
        };
        return binding.problems.errorCount() > errors ? Optional.empty() : destination;
    }

    private Optional<DestinationConfig> mqtt(Fields c) {
        binding.mqttUses.add(c.map());
        Optional<String> topic = c.required("topic").flatMap(t -> Templates.topic(binding.scalars, t, Templates.ALL));
        int qos = (int) c.get("qos")
                .map(q -> AioForms.qos(binding.scalars, q).orElse(DestinationConfig.Mqtt.DEFAULT_QOS))
                .orElse((long) DestinationConfig.Mqtt.DEFAULT_QOS)
                .longValue();
        boolean retain = c.get("retain")
                .flatMap(r -> AioForms.retain(binding.scalars, r))
                .orElse(false);
        Optional<Duration> ttl = c.duration("ttl");
        if (ttl.filter(Duration::isZero).isPresent()) {
            c.warning("ttl", "ttl 0s would expire every message at once; sending without an expiry");
            ttl = Optional.empty();
        } else if (ttl.filter(t -> t.compareTo(MqttConfig.MAX_SESSION_EXPIRY) > 0)
                .isPresent()) {
            c.error("ttl", "ttl is at most 4294967295s");
        } else if (ttl.isPresent() && binding.mqttVersion == 3) {
            c.warning("ttl", "message expiry (ttl) is an MQTT 5 feature; MQTT 3.1.1 ignores it");
        }
        Optional<Duration> expiry = ttl;
        return topic.map(t -> new DestinationConfig.Mqtt(t, qos, retain, expiry));
    }

    private Optional<DestinationConfig> sse(Fields c) {
        Optional<String> channel = c.required("channel").flatMap(binding.scalars::nonEmptyText);
        channel.ifPresent(
                id -> binding.channelUses.add(Map.entry(id, c.get("channel").orElseThrow())));
        return channel.map(DestinationConfig.Sse::new);
    }

    private Optional<DestinationConfig> stateStore(Fields c) {
        Optional<String> key = c.get("key").isPresent()
                ? c.get("key").flatMap(k -> Templates.template(binding.scalars, k, Templates.ALL, "key"))
                : Optional.of(DestinationConfig.StateStore.DEFAULT_KEY);
        return key.map(DestinationConfig.StateStore::new);
    }

    private Optional<DestinationConfig> http(Fields c) {
        Optional<URI> url = c.required("url").flatMap(u -> DeviceBinder.httpUrl(binding, u));
        Map<String, Secret> headers =
                c.get("headers").map(h -> DeviceBinder.headers(binding, h)).orElse(Map.of());
        String method = c.choice("method", DestinationConfig.Http.DEFAULT_METHOD, METHODS, "POST or PUT");
        return url.map(u -> new DestinationConfig.Http(u, headers, method));
    }
}
