package io.sseconnector.connector.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What was seen at one position of the payloads (the root, a property, an array's items): a count
 * per JSON type, the number range, the distinct strings while they are few, and the positions below.
 * Memory is bounded by the {@link InferenceBudget}: the count of payloads changes counters only.
 */
final class ValueStats {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int depth;

    private long count;
    private long nulls;
    private long booleans;
    private long integers;
    private long decimals;
    private long strings;
    private long objects;
    private long arrays;

    /** The range of integers that fit a long, kept exactly. */
    private long longCount;

    private long minLong = Long.MAX_VALUE;
    private long maxLong = Long.MIN_VALUE;
    /** The range of the other numbers (decimals, integers beyond a long). */
    private long doubleCount;

    private double minDouble = Double.POSITIVE_INFINITY;
    private double maxDouble = Double.NEGATIVE_INFINITY;

    /** Distinct strings in first-seen order; made at the first string, dropped for good once not an enum. */
    private LinkedHashSet<String> distinct;

    private boolean notAnEnum;

    private LinkedHashMap<String, ValueStats> properties;
    private ValueStats items;
    /** Keys seen but not described because a property limit was reached. */
    private boolean propertiesCapped;
    /** Objects or arrays seen below the depth limit, or array items that found no budget. */
    private boolean contentsCapped;

    ValueStats(int depth) {
        this.depth = depth;
    }

    long count() {
        return count;
    }

    void add(JsonNode value, InferenceBudget budget) {
        count++;
        switch (value.getNodeType()) {
            case NULL -> nulls++;
            case BOOLEAN -> booleans++;
            case NUMBER -> addNumber(value);
            case STRING -> addString(value.stringValue(), budget);
            case OBJECT -> addObject(value, budget);
            case ARRAY -> addArray(value, budget);
            default -> {
                // BINARY, POJO and MISSING never come out of parsing text
            }
        }
    }

    private void addNumber(JsonNode value) {
        if (value.isIntegralNumber()) {
            integers++;
        } else {
            decimals++;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            long v = value.longValue();
            longCount++;
            minLong = Math.min(minLong, v);
            maxLong = Math.max(maxLong, v);
        } else {
            double v = value.doubleValue();
            doubleCount++;
            minDouble = Math.min(minDouble, v);
            maxDouble = Math.max(maxDouble, v);
        }
    }

    private void addString(String value, InferenceBudget budget) {
        strings++;
        if (notAnEnum || (distinct != null && distinct.contains(value))) {
            return;
        }
        InferenceLimits limits = budget.limits;
        int size = distinct == null ? 0 : distinct.size();
        if (value.length() > limits.maxEnumLength()
                || size >= limits.maxEnumValues()
                || budget.strings >= limits.maxTrackedStrings()) {
            budget.strings -= size;
            distinct = null; // free text, or too many values: no enum, and nothing more to remember
            notAnEnum = true;
            return;
        }
        if (distinct == null) {
            distinct = new LinkedHashSet<>();
        }
        distinct.add(value);
        budget.strings++;
    }

    private void addObject(JsonNode value, InferenceBudget budget) {
        objects++;
        if (depth >= budget.limits.maxDepth()) {
            contentsCapped = true;
            return;
        }
        if (properties == null) {
            properties = new LinkedHashMap<>();
        }
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            ValueStats child = properties.get(property.getKey());
            if (child == null) {
                if (properties.size() >= budget.limits.maxProperties()
                        || property.getKey().length() > budget.limits.maxKeyLength()
                        || !budget.takeNode()) {
                    propertiesCapped = true;
                    continue;
                }
                child = new ValueStats(depth + 1);
                properties.put(property.getKey(), child);
            }
            child.add(property.getValue(), budget);
        }
    }

    private void addArray(JsonNode value, InferenceBudget budget) {
        arrays++;
        if (depth >= budget.limits.maxDepth()) {
            contentsCapped = true;
            return;
        }
        if (items == null && !value.isEmpty()) {
            if (!budget.takeNode()) {
                contentsCapped = true;
                return;
            }
            items = new ValueStats(depth + 1);
        }
        for (JsonNode element : value.values()) {
            items.add(element, budget);
        }
    }

    /**
     * Adds this position's keywords to {@code schema}; nothing at all when no value was seen. Without
     * {@code withValues}, the keywords that hold values seen ({@code enum}, {@code minimum}, {@code
     * maximum}) are left out.
     */
    void describe(ObjectNode schema, InferenceLimits limits, boolean withValues) {
        List<String> types = types();
        if (types.size() == 1) {
            schema.put("type", types.get(0));
        } else if (types.size() > 1) {
            ArrayNode union = schema.putArray("type");
            types.forEach(union::add);
        }
        if (withValues) {
            describeEnum(schema, limits);
            if (longCount + doubleCount > 0) {
                describeRange(schema);
            }
        }
        if (properties != null && !properties.isEmpty()) {
            describeProperties(schema, limits, withValues);
        }
        if (items != null && items.count > 0) {
            items.describe(schema.putObject("items"), limits, withValues);
        }
        if (contentsCapped) {
            schema.put(
                    "$comment",
                    "contents not described: nested deeper than " + limits.maxDepth() + " levels or beyond "
                            + limits.maxNodes() + " positions");
        } else if (propertiesCapped) {
            schema.put(
                    "$comment",
                    "some properties not described: more than " + limits.maxProperties() + " per object or "
                            + limits.maxNodes() + " in all");
        }
    }

    /** The JSON types seen, integer widened to number when decimals were seen too. */
    private List<String> types() {
        List<String> types = new ArrayList<>(6);
        if (objects > 0) {
            types.add("object");
        }
        if (arrays > 0) {
            types.add("array");
        }
        if (strings > 0) {
            types.add("string");
        }
        if (decimals > 0) {
            types.add("number");
        } else if (integers > 0) {
            types.add("integer");
        }
        if (booleans > 0) {
            types.add("boolean");
        }
        if (nulls > 0) {
            types.add("null");
        }
        return types;
    }

    /** An enum only where the values are strings (or null) and few, from enough samples. */
    private void describeEnum(ObjectNode schema, InferenceLimits limits) {
        boolean onlyStrings = strings > 0 && strings + nulls == count;
        if (!onlyStrings || notAnEnum || distinct == null || strings < limits.minEnumSamples()) {
            return;
        }
        ArrayNode values = schema.putArray("enum");
        distinct.forEach(values::add);
        if (nulls > 0) {
            values.addNull(); // enum constrains every type: null must be listed to stay allowed
        }
    }

    private void describeRange(ObjectNode schema) {
        boolean minIsLong = longCount > 0 && (doubleCount == 0 || minLong <= minDouble);
        boolean maxIsLong = longCount > 0 && (doubleCount == 0 || maxLong >= maxDouble);
        schema.set("minimum", minIsLong ? integer(minLong) : NODES.numberNode(minDouble));
        schema.set("maximum", maxIsLong ? integer(maxLong) : NODES.numberNode(maxDouble));
    }

    /** An int node when the value fits one, as a parser would make: schemas compare equal to parsed ones. */
    private static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private void describeProperties(ObjectNode schema, InferenceLimits limits, boolean withValues) {
        ObjectNode described = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        properties.forEach((name, child) -> {
            child.describe(described.putObject(name), limits, withValues);
            if (child.count == objects) {
                required.add(name);
            }
        });
        if (!required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            required.forEach(list::add);
        }
    }
}
