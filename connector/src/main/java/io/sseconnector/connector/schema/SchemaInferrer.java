package io.sseconnector.connector.schema;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Infers a JSON Schema (draft 2020-12) from the payloads of one stream, such as one asset event.
 *
 * <p>The schema has, at each position: {@code type} (a union when several were seen, {@code
 * integer} widened to {@code number} when decimals were seen too, {@code null} when a null was
 * seen); {@code minimum}/{@code maximum} for numbers; {@code enum} for strings when a position held
 * strings only (and nulls), at least {@link InferenceLimits#minEnumSamples()} of them, with at most
 * {@link InferenceLimits#maxEnumValues()} distinct values, none longer than {@link
 * InferenceLimits#maxEnumLength()}; {@code properties} and {@code required} (the keys present in
 * every object seen there) for objects; {@code items} (every element merged) for arrays. {@code
 * additionalProperties} is left open: a new key is not an error. The root carries {@code $schema},
 * the {@code title} and a {@code description} with the sample counts.
 *
 * <p>Payloads that are not JSON are counted and otherwise ignored: the schema describes the JSON ones.
 * When every payload so far was not JSON the schema is {@code {"type": "string", "contentMediaType":
 * "text/plain"}}; before any payload it is the empty schema, which accepts anything.
 *
 * <p>Memory does not grow with the number of payloads: see {@link InferenceLimits} for what is capped
 * and {@link #trackedNodes()}, {@link #trackedStrings()} for the state held.
 *
 * <p>Thread safety: meant to be fed from one thread (the stream's), while another thread (the admin
 * endpoint) takes {@link #schema()} snapshots. Every method synchronizes on the inferrer; the lock is
 * uncontended on the feeding path, and a snapshot holds it for time proportional to the bounded state,
 * never to the number of payloads.
 */
public final class SchemaInferrer {
    /** The {@code $schema} of every inferred schema. */
    public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final String title;
    private final InferenceBudget budget;
    private final ValueStats root;
    private long jsonPayloads;
    private long otherPayloads;

    /** An inferrer with {@link InferenceLimits#DEFAULTS}; {@code title} names the stream in the schema. */
    public SchemaInferrer(String title) {
        this(title, InferenceLimits.DEFAULTS);
    }

    public SchemaInferrer(String title, InferenceLimits limits) {
        this.title = Objects.requireNonNull(title, "title");
        this.budget = new InferenceBudget(Objects.requireNonNull(limits, "limits"));
        this.root = new ValueStats(0);
    }

    /** Learns from one payload (an SSE {@code data} string), JSON or not. */
    public void accept(String payload) {
        JsonNode json = JsonPayloads.parse(payload);
        if (json == null) {
            acceptNonJson();
        } else {
            accept(json);
        }
    }

    /** Learns from a payload already parsed (see {@link JsonPayloads#parse}). */
    public synchronized void accept(JsonNode payload) {
        Objects.requireNonNull(payload, "payload");
        jsonPayloads++;
        root.add(payload, budget);
    }

    /** Counts a payload that was not JSON. */
    public synchronized void acceptNonJson() {
        otherPayloads++;
    }

    public String title() {
        return title;
    }

    /** Payloads seen, JSON or not. */
    public synchronized long samples() {
        return jsonPayloads + otherPayloads;
    }

    /** Payloads seen that were JSON. */
    public synchronized long jsonSamples() {
        return jsonPayloads;
    }

    /** Payloads seen that were not JSON. */
    public synchronized long nonJsonSamples() {
        return otherPayloads;
    }

    /** Positions described (the root included); at most {@link InferenceLimits#maxNodes()} + 1. */
    public synchronized int trackedNodes() {
        return budget.nodes + 1;
    }

    /** Distinct strings remembered as enum candidates; at most {@link InferenceLimits#maxTrackedStrings()}. */
    public synchronized int trackedStrings() {
        return budget.strings;
    }

    /** The schema inferred so far: a new tree, the caller's to keep or change. */
    public ObjectNode schema() {
        return schema(true);
    }

    /**
     * The schema inferred so far; without {@code withValues}, only its shape: the {@code enum},
     * {@code minimum} and {@code maximum} keywords, which hold values seen in payloads, are left out.
     */
    public synchronized ObjectNode schema(boolean withValues) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", DRAFT_2020_12);
        schema.put("title", title);
        schema.put("description", description());
        if (jsonPayloads > 0) {
            root.describe(schema, budget.limits, withValues);
        } else if (otherPayloads > 0) {
            schema.put("type", "string");
            schema.put("contentMediaType", "text/plain");
        }
        return schema;
    }

    private String description() {
        if (jsonPayloads + otherPayloads == 0) {
            return "No payload seen yet: accepts anything.";
        }
        String text = "Inferred from " + plural(jsonPayloads, "JSON payload");
        if (otherPayloads > 0) {
            text += " and " + plural(otherPayloads, "payload") + " that " + (otherPayloads == 1 ? "was" : "were")
                    + " not JSON";
        }
        return text + ".";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
