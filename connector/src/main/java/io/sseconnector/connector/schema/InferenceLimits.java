package io.sseconnector.connector.schema;

/**
 * Bounds on what a {@link SchemaInferrer} remembers, so that its memory does not grow with the
 * number of payloads or with their variety. With the defaults one inferrer holds at most 1,024
 * positions (keys of up to 256 chars) and 1,024 strings of up to 64 chars: under 1 MB in the worst case, about 10 KB for the camera's
 * ALERT_DLQC (25 positions).
 *
 * @param maxDepth objects and arrays nested deeper than this are counted by type but not described
 * @param maxProperties properties described per object; further keys are accepted but not described
 * @param maxKeyLength a key longer than this is accepted but not described (a key is held in memory)
 * @param maxNodes positions (the root, each property, each array's items) described per inferrer
 * @param maxEnumValues a string position with more distinct values than this gets no {@code enum}
 * @param minEnumSamples a string position needs at least this many values before it gets an {@code
 *     enum}: a value seen twice is not yet a closed set
 * @param maxEnumLength a string longer than this is free text, not an enum value: its position gets no
 *     {@code enum}
 * @param maxTrackedStrings distinct strings remembered per inferrer across all positions; a position
 *     that would need more loses its {@code enum}
 */
public record InferenceLimits(
        int maxDepth,
        int maxProperties,
        int maxKeyLength,
        int maxNodes,
        int maxEnumValues,
        int minEnumSamples,
        int maxEnumLength,
        int maxTrackedStrings) {

    public static final InferenceLimits DEFAULTS = new InferenceLimits(16, 256, 256, 1_024, 10, 20, 64, 1_024);

    public InferenceLimits {
        requireAtLeast(maxDepth, 1, "maxDepth");
        requireAtLeast(maxProperties, 1, "maxProperties");
        requireAtLeast(maxKeyLength, 1, "maxKeyLength");
        requireAtLeast(maxNodes, 1, "maxNodes");
        requireAtLeast(maxEnumValues, 0, "maxEnumValues");
        requireAtLeast(minEnumSamples, 1, "minEnumSamples");
        requireAtLeast(maxEnumLength, 0, "maxEnumLength");
        requireAtLeast(maxTrackedStrings, 0, "maxTrackedStrings");
    }

    public InferenceLimits withMaxDepth(int value) {
        return new InferenceLimits(
                value,
                maxProperties,
                maxKeyLength,
                maxNodes,
                maxEnumValues,
                minEnumSamples,
                maxEnumLength,
                maxTrackedStrings);
    }

    public InferenceLimits withMaxProperties(int value) {
        return new InferenceLimits(
                maxDepth,
                value,
                maxKeyLength,
                maxNodes,
                maxEnumValues,
                minEnumSamples,
                maxEnumLength,
                maxTrackedStrings);
    }

    public InferenceLimits withMaxKeyLength(int value) {
        return new InferenceLimits(
                maxDepth,
                maxProperties,
                value,
                maxNodes,
                maxEnumValues,
                minEnumSamples,
                maxEnumLength,
                maxTrackedStrings);
    }

    public InferenceLimits withMaxNodes(int value) {
        return new InferenceLimits(
                maxDepth,
                maxProperties,
                maxKeyLength,
                value,
                maxEnumValues,
                minEnumSamples,
                maxEnumLength,
                maxTrackedStrings);
    }

    public InferenceLimits withMaxEnumValues(int value) {
        return new InferenceLimits(
                maxDepth,
                maxProperties,
                maxKeyLength,
                maxNodes,
                value,
                minEnumSamples,
                maxEnumLength,
                maxTrackedStrings);
    }

    public InferenceLimits withMinEnumSamples(int value) {
        return new InferenceLimits(
                maxDepth,
                maxProperties,
                maxKeyLength,
                maxNodes,
                maxEnumValues,
                value,
                maxEnumLength,
                maxTrackedStrings);
    }

    public InferenceLimits withMaxEnumLength(int value) {
        return new InferenceLimits(
                maxDepth,
                maxProperties,
                maxKeyLength,
                maxNodes,
                maxEnumValues,
                minEnumSamples,
                value,
                maxTrackedStrings);
    }

    public InferenceLimits withMaxTrackedStrings(int value) {
        return new InferenceLimits(
                maxDepth, maxProperties, maxKeyLength, maxNodes, maxEnumValues, minEnumSamples, maxEnumLength, value);
    }

    private static void requireAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }
}
