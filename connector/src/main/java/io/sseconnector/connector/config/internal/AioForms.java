package io.sseconnector.connector.config.internal;

import io.sseconnector.client.References;
import io.sseconnector.connector.config.internal.Node.Entry;
import io.sseconnector.connector.config.internal.Node.ListNode;
import io.sseconnector.connector.config.internal.Node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The forms accepted so users can paste what Azure IoT Operations already holds, all in this one
 * class. {@link #normalize} rewrites the structural ones into the canonical form before binding,
 * so the rest of the code sees one model; the moved nodes keep the path and position they were
 * written at. {@link #qos} and {@link #retain} read the AIO spellings of two values.
 *
 * <ul>
 *   <li>an asset event's {@code event_notifier}, {@code data_source} or {@code dataSource} →
 *       {@code eventNotifier};
 *   <li>an asset's {@code event_groups} (or {@code eventGroups}): {@code [{name, data_source?,
 *       events: [{name, data_source, destinations}]}]} → appended to its {@code events}, a group's
 *       {@code data_source} being the default of its events;
 *   <li>a device's {@code endpoints: {inbound: {NAME: {address: URL}}}} → {@code endpoint: URL};
 *   <li>{@code qos: Qos0|Qos1|Qos2} → 0|1|2; {@code retain: Keep|Never} → true|false.
 * </ul>
 */
public final class AioForms {
    /** Spellings of {@code eventNotifier}, the canonical one first. */
    static final List<String> EVENT_NOTIFIER = List.of("eventNotifier", "event_notifier", "data_source", "dataSource");
    /** Spellings of an asset's event groups. */
    static final List<String> EVENT_GROUPS = List.of("event_groups", "eventGroups");

    private static final List<String> GROUP_KEYS = List.of("name", "events", "data_source", "dataSource");
    private static final List<String> INBOUND_KEYS = List.of("address", "endpointType", "version");

    private final Problems problems;

    private AioForms(Problems problems) {
        this.problems = problems;
    }

    /** The document with every accepted form rewritten into the canonical one. */
    public static Node normalize(Node root, Problems problems) {
        AioForms forms = new AioForms(problems);
        if (!(root instanceof MapNode map)) {
            return root;
        }
        MapNode withDevices = forms.mapEach(map, "devices", forms::device);
        return forms.mapEach(withDevices, "assets", forms::asset);
    }

    /** {@code 0|1|2} or {@code Qos0|Qos1|Qos2} (any case). */
    public static OptionalLong qos(Scalars scalars, Node node) {
        String range = "qos must be 0, 1 or 2 (or Qos0, Qos1, Qos2)";
        if (node instanceof Node.Scalar scalar && scalar.type() == Node.Scalar.Type.STRING) {
            String text = scalar.text().trim().toLowerCase(Locale.ROOT);
            if (text.matches("qos[0-2]")) {
                return OptionalLong.of(text.charAt(3) - '0');
            }
            if (text.startsWith("qos")) {
                scalars.problems().error(node, range + ", found " + Scalars.quote(scalar));
                return OptionalLong.empty();
            }
        }
        return scalars.integer(node, 0, 2, range);
    }

    /** {@code true|false} or {@code Keep|Never} (any case). */
    public static Optional<Boolean> retain(Scalars scalars, Node node) {
        if (node instanceof Node.Scalar scalar && scalar.type() == Node.Scalar.Type.STRING) {
            switch (scalar.text().trim().toLowerCase(Locale.ROOT)) {
                case "keep":
                    return Optional.of(true);
                case "never":
                    return Optional.of(false);
                case "true", "false":
                    break;
                default:
                    if (!References.contains(scalar.text())) {
                        scalars.problems()
                                .error(node, "expected true, false, Keep or Never, found " + Scalars.quote(scalar));
                        return Optional.empty();
                    }
            }
        }
        return scalars.bool(node);
    }

    private interface Rewrite {
        MapNode apply(MapNode map);
    }

    /** The map with each mapping item of list {@code key} rewritten (other nodes untouched). */
    private MapNode mapEach(MapNode map, String key, Rewrite rewrite) {
        Optional<Entry> entry = map.entry(key);
        if (entry.isEmpty() || !(entry.get().value() instanceof ListNode list)) {
            return map;
        }
        List<Node> items = new ArrayList<>();
        for (Node item : list.items()) {
            items.add(item instanceof MapNode m ? rewrite.apply(m) : item);
        }
        return replace(map, key, entry.get().withValue(new ListNode(list.path(), list.mark(), items)));
    }

    private MapNode device(MapNode device) {
        Optional<Entry> endpoints = device.entry("endpoints");
        if (endpoints.isEmpty()) {
            return device;
        }
        if (device.entry("endpoint").isPresent()) {
            problems.error(
                    endpoints.get().value().path(),
                    endpoints.get().keyMark(),
                    "give either endpoint or endpoints.inbound, not both");
            return remove(device, "endpoints");
        }
        Optional<Node> address = inboundAddress(endpoints.get().value());
        if (address.isEmpty()) {
            problems.cover(Node.child(device.path(), "endpoint")); // reported: not "missing" as well
            return remove(device, "endpoints");
        }
        return replace(
                device,
                "endpoints",
                new Entry("endpoint", "endpoints", endpoints.get().keyMark(), address.get()));
    }

    /** {@code endpoints: {inbound: {NAME: {address: URL}}}}: the one address, or empty after an error. */
    private Optional<Node> inboundAddress(Node endpoints) {
        Optional<MapNode> outer = mapping(endpoints, List.of("inbound"));
        Optional<Node> inbound = outer.flatMap(m -> required(m, "inbound"));
        if (inbound.isEmpty()) {
            return Optional.empty();
        }
        if (!(inbound.get() instanceof MapNode named) || named.entries().isEmpty()) {
            problems.error(inbound.get(), "expected a mapping of one endpoint name to {address: URL}");
            return Optional.empty();
        }
        if (named.entries().size() > 1) {
            problems.error(
                    named,
                    "a device has one SSE endpoint, but endpoints.inbound names "
                            + named.entries().size() + " ("
                            + String.join(
                                    ", ",
                                    named.entries().stream().map(Entry::written).toList())
                            + "); make each one a device");
            return Optional.empty();
        }
        return mapping(named.entries().get(0).value(), INBOUND_KEYS).flatMap(m -> required(m, "address"));
    }

    private MapNode asset(MapNode asset) {
        MapNode result = mapEach(asset, "events", e -> event(e, Optional.empty()));
        Optional<Entry> groups = Optional.empty();
        for (String spelling : EVENT_GROUPS) {
            Optional<Entry> found = result.entry(spelling);
            if (found.isPresent() && groups.isPresent()) {
                problems.error(
                        found.get().value().path(),
                        found.get().keyMark(),
                        "event groups are given twice (" + groups.get().written() + " and " + spelling + "); keep one");
                result = remove(result, spelling);
            } else if (found.isPresent()) {
                groups = found;
            }
        }
        if (groups.isEmpty()) {
            return result;
        }
        List<Node> flattened = new ArrayList<>();
        Optional<Entry> events = result.entry("events");
        if (events.isPresent() && events.get().value() instanceof ListNode list) {
            flattened.addAll(list.items());
        }
        if (groups.get().value() instanceof ListNode groupList) {
            for (Node group : groupList.items()) {
                flattened.addAll(groupEvents(group));
            }
        } else if (!(groups.get().value() instanceof Node.Null)) {
            problems.error(
                    groups.get().value(),
                    "expected a list of event groups, found "
                            + groups.get().value().describe());
        }
        result = remove(result, groups.get().written());
        if (events.isPresent()
                && !(events.get().value() instanceof ListNode)
                && !(events.get().value() instanceof Node.Null)) {
            return result; // the binder reports the malformed events
        }
        Node list = events.map(Entry::value).orElse(groups.get().value());
        Entry merged = new Entry(
                "events",
                events.map(Entry::written).orElse(groups.get().written()),
                events.map(Entry::keyMark).orElse(groups.get().keyMark()),
                new ListNode(list.path(), list.mark(), flattened));
        return events.isPresent() ? replace(result, "events", merged) : append(result, merged);
    }

    private List<Node> groupEvents(Node group) {
        Optional<MapNode> map = mapping(group, GROUP_KEYS);
        if (map.isEmpty()) {
            return List.of();
        }
        Optional<Node> notifier = Optional.empty();
        for (String key : List.of("data_source", "dataSource")) {
            Optional<Node> value = map.get().get(key);
            if (value.isPresent() && notifier.isPresent()) {
                problems.error(value.get(), "the group's data source is given twice; keep one");
            } else if (value.isPresent()) {
                notifier = value;
            }
        }
        Optional<Node> events = required(map.get(), "events");
        if (events.isEmpty()) {
            return List.of();
        }
        if (!(events.get() instanceof ListNode list)) {
            problems.error(
                    events.get(),
                    "expected a list of events, found " + events.get().describe());
            return List.of();
        }
        List<Node> out = new ArrayList<>();
        for (Node item : list.items()) {
            out.add(item instanceof MapNode m ? event(m, notifier) : item);
        }
        return out;
    }

    /** One event with its notifier under the canonical key (the group's data source by default). */
    private MapNode event(MapNode event, Optional<Node> groupNotifier) {
        Entry first = null;
        MapNode result = event;
        for (String spelling : EVENT_NOTIFIER) {
            Optional<Entry> found = event.entry(spelling);
            if (found.isEmpty()) {
                continue;
            }
            if (first != null) {
                problems.error(
                        found.get().value().path(),
                        found.get().keyMark(),
                        "the event type is given twice ("
                                + first.written() + " at line "
                                + first.keyMark().line() + " and " + spelling
                                + "); keep one");
                result = remove(result, spelling);
            } else {
                first = found.get();
                result = replace(result, spelling, first.renamed("eventNotifier"));
            }
        }
        if (first == null && groupNotifier.isPresent()) {
            Node source = groupNotifier.get();
            result = append(result, new Entry("eventNotifier", "data_source", source.mark(), source));
        }
        return result;
    }

    /** The node as a mapping whose unknown keys are reported, or empty after an error. */
    private Optional<MapNode> mapping(Node node, List<String> known) {
        if (!(node instanceof MapNode map)) {
            problems.error(node, "expected a mapping with " + Fields.describe(known) + ", found " + node.describe());
            return Optional.empty();
        }
        for (Entry entry : map.entries()) {
            if (!known.contains(entry.key())) {
                problems.error(
                        entry.value().path(),
                        entry.keyMark(),
                        "unknown key '" + entry.written() + "'" + Suggest.hint(entry.written(), known));
            }
        }
        return Optional.of(map);
    }

    private Optional<Node> required(MapNode map, String key) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty()) {
            problems.error(Node.child(map.path(), key), map.mark(), "required key '" + key + "' is missing");
        } else if (value.get() instanceof Node.Null nothing) {
            problems.error(nothing, "required key '" + key + "' has no value");
            return Optional.empty();
        }
        return value;
    }

    private static MapNode replace(MapNode map, String key, Entry with) {
        List<Entry> entries = new ArrayList<>();
        for (Entry e : map.entries()) {
            entries.add(e.key().equals(key) ? with : e);
        }
        return new MapNode(map.path(), map.mark(), entries);
    }

    private static MapNode remove(MapNode map, String key) {
        return new MapNode(
                map.path(),
                map.mark(),
                map.entries().stream().filter(e -> !e.key().equals(key)).toList());
    }

    private static MapNode append(MapNode map, Entry entry) {
        List<Entry> entries = new ArrayList<>(map.entries());
        entries.add(entry);
        return new MapNode(map.path(), map.mark(), entries);
    }
}
