package io.sseconnector.connector.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema of every asset event, for {@code GET /schemas}: an inferrer per (asset, event), or the
 * schema configured for it. Thread-safe: streams register and feed their entries while the admin
 * endpoint takes {@link #snapshot()}s.
 */
public final class InferredSchemas {
    private final InferenceLimits limits;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** Inferrers with {@link InferenceLimits#DEFAULTS}. */
    public InferredSchemas() {
        this(InferenceLimits.DEFAULTS);
    }

    public InferredSchemas(InferenceLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The inferrer of this asset event, created on first use with the title {@code asset/event}.
     *
     * @throws IllegalStateException when the event has a configured schema
     */
    public SchemaInferrer inferrer(String asset, String event) {
        Key key = new Key(asset, event);
        Entry entry = entries.computeIfAbsent(key, k -> new Inferred(new SchemaInferrer(k.title(), limits)));
        if (entry instanceof Inferred inferred) {
            return inferred.inferrer();
        }
        throw new IllegalStateException(key.title() + " has a configured schema; it is not inferred");
    }

    /** Records the schema configured (e.g. loaded from a file) for this asset event, replacing any other. */
    public void putConfigured(String asset, String event, JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        entries.put(new Key(asset, event), withValues -> copy.deepCopy());
    }

    /** Every schema, by asset then event, both sorted by name; new trees, the caller's to keep. */
    public Map<String, Map<String, JsonNode>> snapshot() {
        return snapshot(true);
    }

    /**
     * Every schema as {@link #snapshot()}; without {@code withValues}, the inferred ones leave out
     * the values taken from payloads ({@code enum}, {@code minimum}, {@code maximum}): payloads may
     * carry what an admin endpoint should not show. Configured schemas are shown as written.
     */
    public Map<String, Map<String, JsonNode>> snapshot(boolean withValues) {
        Map<String, Map<String, JsonNode>> byAsset = new TreeMap<>();
        entries.forEach((key, entry) ->
                byAsset.computeIfAbsent(key.asset(), a -> new TreeMap<>()).put(key.event(), entry.schema(withValues)));
        byAsset.replaceAll((asset, events) -> Collections.unmodifiableMap(events));
        return Collections.unmodifiableMap(byAsset);
    }

    /** {@link #snapshot()} as a document: {@code {asset: {event: schema}}}. */
    public ObjectNode toJson() {
        return toJson(true);
    }

    /** {@link #snapshot(boolean)} as the {@code GET /schemas} document: {@code {asset: {event: schema}}}. */
    public ObjectNode toJson(boolean withValues) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        snapshot(withValues).forEach((asset, events) -> {
            ObjectNode forAsset = document.putObject(asset);
            events.forEach(forAsset::set);
        });
        return document;
    }

    private record Key(String asset, String event) {
        Key {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(event, "event");
        }

        String title() {
            return asset + "/" + event;
        }
    }

    /** One asset event's schema. */
    private interface Entry {
        JsonNode schema(boolean withValues);
    }

    private record Inferred(SchemaInferrer inferrer) implements Entry {
        @Override
        public JsonNode schema(boolean withValues) {
            return inferrer.schema(withValues);
        }
    }
}
