package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.AssetConfig;
import io.sseconnector.connector.config.AssetEventConfig;
import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of {@code assets}, with its events (after {@link AioForms} flattened event groups). */
final class AssetBinder {
    static final List<String> KEYS =
            List.of("name", "device", "events", "defaultDestinations", "validation", "deadLetterTopic");
    static final List<String> EVENT_KEYS =
            List.of("name", "eventNotifier", "destinations", "validation", "schemaFile", "deadLetterTopic");
    private static final Map<String, Validation> VALIDATION =
            Map.of("off", Validation.OFF, "warn", Validation.WARN, "enforce", Validation.ENFORCE);

    private static final String ENFORCE_NEEDS_TOPIC =
            "validation: enforce sends invalid payloads to a deadLetterTopic; set one";

    private final Binding binding;
    private final DeviceBinder devices;
    private final DestinationBinder destinations;
    private final Map<String, Node> assetNames = new LinkedHashMap<>();

    AssetBinder(Binding binding, DeviceBinder devices) {
        this.binding = binding;
        this.devices = devices;
        this.destinations = new DestinationBinder(binding);
    }

    Optional<AssetConfig> bind(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        int errors = binding.problems.errorCount();
        Optional<Node> nameNode = f.required("name");
        Optional<String> written = nameNode.flatMap(binding.scalars::nonEmptyText);
        written.ifPresent(n -> binding.unique(assetNames, n, nameNode.get(), "asset name"));
        Optional<String> name = written.filter(n -> devices.validName(nameNode.get(), n, "asset"));
        Optional<String> device = f.required("device").flatMap(binding.scalars::nonEmptyText);
        if (device.isPresent() && !binding.devices.containsKey(device.get())) {
            String known = binding.devices.isEmpty()
                    ? " (no device is)"
                    : Suggest.closest(device.get(), binding.devices.keySet())
                            .map(s -> "; did you mean '" + s + "'?")
                            .orElse("; configured: " + String.join(", ", binding.devices.keySet()));
            f.error("device", "device '" + device.get() + "' is not configured under devices" + known);
        }
        Validation validation =
                f.choice("validation", AssetConfig.DEFAULT_VALIDATION, VALIDATION, "off, warn or enforce");
        Optional<String> deadLetter = deadLetterTopic(f);
        if (validation == Validation.ENFORCE && f.get("deadLetterTopic").isEmpty()) {
            f.error("validation", ENFORCE_NEEDS_TOPIC + " on the asset");
        }
        List<AssetEventConfig> events = new ArrayList<>();
        Map<String, Node> eventNames = new LinkedHashMap<>();
        f.get("events").ifPresent(list -> {
            for (Node item : binding.items(list, "a list of events")) {
                event(item, validation, deadLetter, eventNames).ifPresent(events::add);
            }
        });
        List<DestinationConfig> defaults =
                f.get("defaultDestinations").map(destinations::bindAll).orElse(List.of());
        if (f.get("events").isEmpty() && f.get("defaultDestinations").isEmpty()) {
            binding.problems.warning(node, "this asset routes nothing: add events or defaultDestinations");
        }
        if (name.isEmpty() || device.isEmpty() || binding.problems.errorCount() > errors) {
            return Optional.empty();
        }
        return binding.build(
                node, () -> new AssetConfig(name.get(), device.get(), events, defaults, validation, deadLetter));
    }

    private Optional<AssetEventConfig> event(
            Node node, Validation assetValidation, Optional<String> assetDeadLetter, Map<String, Node> names) {
        Optional<Fields> found = Fields.of(binding.scalars, node, EVENT_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        int errors = binding.problems.errorCount();
        Optional<String> name = f.required("name").flatMap(binding.scalars::nonEmptyText);
        name.ifPresent(n -> binding.unique(names, n, f.get("name").orElseThrow(), "event name"));
        Optional<String> notifier = f.get("eventNotifier").isPresent()
                ? f.get("eventNotifier").flatMap(binding.scalars::nonEmptyText)
                : name;
        if (notifier.filter(n -> n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0).isPresent()) {
            f.error("eventNotifier", "an SSE event type cannot hold a line break");
        }
        List<DestinationConfig> routes =
                f.required("destinations").map(destinations::bindAll).orElse(List.of());
        Validation validation = f.choice("validation", assetValidation, VALIDATION, "off, warn or enforce");
        Optional<Path> schemaFile = f.readableFile("schemaFile");
        Optional<String> deadLetter = f.get("deadLetterTopic").isPresent() ? deadLetterTopic(f) : assetDeadLetter;
        if (validation == Validation.ENFORCE
                && f.get("validation").isPresent()
                && f.get("deadLetterTopic").isEmpty()
                && assetDeadLetter.isEmpty()) {
            f.error("validation", ENFORCE_NEEDS_TOPIC + " on the event or its asset");
        }
        if (name.isEmpty() || notifier.isEmpty() || binding.problems.errorCount() > errors) {
            return Optional.empty();
        }
        return binding.build(
                node,
                () -> new AssetEventConfig(name.get(), notifier.get(), routes, validation, schemaFile, deadLetter));
    }

    private Optional<String> deadLetterTopic(Fields f) {
        Optional<Node> node = f.get("deadLetterTopic");
        node.ifPresent(binding.mqttUses::add);
        return node.flatMap(t -> Templates.topic(binding.scalars, t, Templates.ALL));
    }
}
