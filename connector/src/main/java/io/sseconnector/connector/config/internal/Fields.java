package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one mapping, read against the keys it may hold: an unknown key is reported with the
 * closest known one, a missing required key at the mapping, a bad value at the value. Getters with
 * a default return it when the key is absent or its value is bad (the error is recorded, so the
 * load fails anyway); an explicit {@code null} counts as absent.
 */
public final class Fields {
    private final Scalars scalars;
    private final Node.MapNode map;

    private Fields(Scalars scalars, Node.MapNode map) {
        this.scalars = scalars;
        this.map = map;
    }

    /**
     * The node as a mapping holding only {@code known} keys (unknown ones are reported), or empty
     * after an "expected a mapping" error.
     */
    public static Optional<Fields> of(Scalars scalars, Node node, List<String> known) {
        if (!(node instanceof Node.MapNode map)) {
            scalars.wrongType(node, "a mapping with " + describe(known));
            return Optional.empty();
        }
        for (Node.Entry entry : map.entries()) {
            if (!known.contains(entry.key())) {
                scalars.problems()
                        .error(
                                entry.value().path(),
                                entry.keyMark(),
                                "unknown key '" + entry.written() + "'" + Suggest.hint(entry.written(), known));
            }
        }
        return Optional.of(new Fields(scalars, map));
    }

    /** "url, version, …": the keys a mapping may hold, for "expected" messages. */
    static String describe(List<String> known) {
        return known.size() <= 4 ? String.join(", ", known) : String.join(", ", known.subList(0, 3)) + ", …";
    }

    public Node.MapNode map() {
        return map;
    }

    public Scalars scalars() {
        return scalars;
    }

    /** The key's value; empty when absent or null. */
    public Optional<Node> get(String key) {
        return map.get(key).filter(node -> !(node instanceof Node.Null));
    }

    /** The key's value, or empty after reporting it missing. */
    public Optional<Node> required(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            String path = Node.child(map.path(), key);
            if (!scalars.problems().isCovered(path)) {
                scalars.problems().error(path, map.mark(), "required key '" + key + "' is missing");
            }
            return Optional.empty();
        }
        if (node.get() instanceof Node.Null nothing) {
            scalars.problems().error(nothing, "required key '" + key + "' has no value");
            return Optional.empty();
        }
        return node;
    }

    /** Reports a problem that concerns the whole mapping. */
    public void error(String message) {
        scalars.problems().error(map, message);
    }

    public Optional<String> text(String key) {
        return get(key).flatMap(scalars::text);
    }

    public String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    public Optional<String> requiredText(String key) {
        return required(key).flatMap(scalars::nonEmptyText);
    }

    public Optional<Secret> secret(String key) {
        return get(key).flatMap(scalars::secret);
    }

    public long integer(String key, long fallback, long min, long max, String range) {
        return get(key).map(n -> scalars.integer(n, min, max, range).orElse(fallback))
                .orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return get(key).flatMap(scalars::bool).orElse(fallback);
    }

    public Duration duration(String key, Duration fallback) {
        return get(key).flatMap(scalars::duration).orElse(fallback);
    }

    public Optional<Duration> duration(String key) {
        return get(key).flatMap(scalars::duration);
    }

    public long size(String key, long fallback) {
        return get(key).map(n -> scalars.size(n).orElse(fallback)).orElse(fallback);
    }

    public <T> T choice(String key, T fallback, Map<String, T> choices, String forms) {
        return get(key).flatMap(n -> scalars.choice(n, choices, forms)).orElse(fallback);
    }

    public Optional<Path> readableFile(String key) {
        return get(key).flatMap(scalars::readableFile);
    }

    public Optional<Path> path(String key) {
        return get(key).flatMap(scalars::path);
    }

    /** Reports a warning at the key's value (or at the mapping when absent). */
    public void warning(String key, String message) {
        Optional<Node> node = map.get(key);
        if (node.isPresent()) {
            scalars.problems().warning(node.get(), message);
        } else {
            scalars.problems().warning(Node.child(map.path(), key), map.mark(), message);
        }
    }

    /** Reports an error at the key's value (or at the mapping when absent). */
    public void error(String key, String message) {
        Optional<Node> node = map.get(key);
        if (node.isPresent()) {
            scalars.problems().error(node.get(), message);
        } else {
            scalars.problems().error(Node.child(map.path(), key), map.mark(), message);
        }
    }
}
