package io.sseconnector.connector.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchemaInferrerTest {
    private static JsonNode infer(int count, java.util.function.IntFunction<String> payload) {
        SchemaInferrer inferrer = new SchemaInferrer("test");
        IntStream.range(0, count).forEach(i -> inferrer.accept(payload.apply(i)));
        return inferrer.schema();
    }

    private static JsonNode json(String text) {
        return JsonPayloads.parse(text);
    }

    @Test
    void heartbeatHasTypesRequiredKeysRangeAndConstantType() {
        JsonNode schema = infer(30, CameraSamples::heartbeat);

        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("title").stringValue()).isEqualTo("test");
        assertThat(schema.get("description").stringValue()).isEqualTo("Inferred from 30 JSON payloads.");
        assertThat(schema.get("type").stringValue()).isEqualTo("object");
        assertThat(schema.get("required")).isEqualTo(json("[\"type\",\"timestamp\"]"));
        assertThat(schema.at("/properties/type")).isEqualTo(json("{\"type\":\"string\",\"enum\":[\"HEARTBEAT\"]}"));
        assertThat(schema.at("/properties/timestamp"))
                .isEqualTo(json("{\"type\":\"integer\",\"minimum\":1764000000000,\"maximum\":"
                        + (CameraSamples.T0 + 5_000L * 29) + "}"));
        assertThat(schema.has("additionalProperties"))
                .as("new keys stay allowed")
                .isFalse();
    }

    @Test
    void alertDescribesMessageAndEventId() {
        JsonNode schema = infer(25, CameraSamples::alert);

        assertThat(schema.get("required")).isEqualTo(json("[\"type\",\"timestamp\",\"message\",\"event_id\"]"));
        assertThat(schema.at("/properties/message/enum")).isEqualTo(json("[\"leak\"]"));
        assertThat(schema.at("/properties/event_id"))
                .isEqualTo(json("{\"type\":\"integer\",\"minimum\":1000,\"maximum\":1024}"));
    }

    @Test
    void alertDlqcDescribesNestedLocationsNumbersAndUnits() {
        JsonNode schema = infer(50, CameraSamples::alertDlqc);

        assertThat(schema.get("required")).hasSize(20);
        JsonNode leak = schema.at("/properties/leak_location");
        assertThat(leak.get("type").stringValue()).isEqualTo("object");
        assertThat(leak.get("required")).isEqualTo(json("[\"longitude\",\"latitude\"]"));
        assertThat(leak.at("/properties/longitude/type").stringValue()).isEqualTo("number");
        assertThat(leak.at("/properties/longitude/minimum").doubleValue()).isEqualTo(-97.5);
        assertThat(leak.at("/properties/longitude/maximum").doubleValue()).isEqualTo(-97.451);
        assertThat(schema.at("/properties/unit")).isEqualTo(json("{\"type\":\"string\",\"enum\":[\"g/s\"]}"));
        assertThat(schema.at("/properties/mass_unit/enum")).isEqualTo(json("[\"kg\"]"));
        assertThat(schema.at("/properties/temperature_unit/enum")).isEqualTo(json("[\"F\"]"));
        assertThat(schema.at("/properties/flow_rate/type").stringValue()).isEqualTo("number");
        assertThat(schema.at("/properties/humidity"))
                .isEqualTo(json("{\"type\":\"integer\",\"minimum\":20,\"maximum\":69}"));
        assertThat(schema.at("/properties/camera_id/minimum").intValue()).isEqualTo(1);
        assertThat(schema.at("/properties/camera_id/maximum").intValue()).isEqualTo(4);
    }

    @Test
    void keyMissingFromSomeObjectsIsOptional() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        inferrer.accept("{\"a\":1,\"b\":2}");
        inferrer.accept("{\"a\":1}");
        inferrer.accept("{\"a\":1,\"c\":{\"d\":1}}");

        JsonNode schema = inferrer.schema();
        assertThat(schema.get("required")).isEqualTo(json("[\"a\"]"));
        assertThat(schema.at("/properties").propertyNames()).containsExactly("a", "b", "c");
        assertThat(schema.at("/properties/c/required")).isEqualTo(json("[\"d\"]"));
    }

    @Test
    void integersAndDecimalsMergeToNumberWithTheWholeRange() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        inferrer.accept("{\"v\":3}");
        inferrer.accept("{\"v\":-1.5}");
        inferrer.accept("{\"v\":7}");
        inferrer.accept("{\"v\":2.0}");

        assertThat(inferrer.schema().at("/properties/v"))
                .isEqualTo(json("{\"type\":\"number\",\"minimum\":-1.5,\"maximum\":7}"));
    }

    @Test
    void nullIsAddedToTheTypeAndToTheEnum() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        for (int i = 0; i < 20; i++) {
            inferrer.accept(
                    "{\"state\":\"" + (i % 2 == 0 ? "on" : "off") + "\",\"n\":" + (i % 3 == 0 ? "null" : i) + "}");
        }
        inferrer.accept("{\"state\":null,\"n\":1}");

        JsonNode schema = inferrer.schema();
        assertThat(schema.at("/properties/state"))
                .isEqualTo(json("{\"type\":[\"string\",\"null\"],\"enum\":[\"on\",\"off\",null]}"));
        assertThat(schema.at("/properties/n/type")).isEqualTo(json("[\"integer\",\"null\"]"));
    }

    @Test
    void onlyNullsGiveTypeNull() {
        JsonNode schema = infer(3, i -> "{\"x\":null}");

        assertThat(schema.at("/properties/x")).isEqualTo(json("{\"type\":\"null\"}"));
    }

    @Test
    void fewSamplesOrMixedTypesGiveNoEnum() {
        assertThat(infer(19, i -> "{\"s\":\"a\"}").at("/properties/s").has("enum"))
                .as("19 samples")
                .isFalse();
        assertThat(infer(20, i -> "{\"s\":\"a\"}").at("/properties/s/enum")).isEqualTo(json("[\"a\"]"));
        assertThat(infer(40, i -> i % 2 == 0 ? "{\"s\":\"a\"}" : "{\"s\":1}").at("/properties/s"))
                .isEqualTo(json("{\"type\":[\"string\",\"integer\"],\"minimum\":1,\"maximum\":1}"));
    }

    @Test
    void elevenDistinctValuesOrLongTextGiveNoEnum() {
        assertThat(infer(100, i -> "{\"s\":\"v" + i % 10 + "\"}").at("/properties/s/enum"))
                .hasSize(10);
        assertThat(infer(100, i -> "{\"s\":\"v" + i % 11 + "\"}")
                        .at("/properties/s")
                        .has("enum"))
                .isFalse();
        String longText = "x".repeat(65);
        assertThat(infer(30, i -> "{\"s\":\"" + longText + "\"}").at("/properties/s"))
                .isEqualTo(json("{\"type\":\"string\"}"));
    }

    @Test
    void arrayItemsMergeEveryElement() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        inferrer.accept("{\"tags\":[\"a\",\"b\"],\"points\":[{\"x\":1,\"y\":2},{\"x\":3}]}");
        inferrer.accept("{\"tags\":[],\"points\":[{\"x\":0.5}]}");

        JsonNode schema = inferrer.schema();
        assertThat(schema.at("/properties/tags"))
                .isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
        assertThat(schema.at("/properties/points/items"))
                .isEqualTo(json("{\"type\":\"object\",\"properties\":{"
                        + "\"x\":{\"type\":\"number\",\"minimum\":0.5,\"maximum\":3},"
                        + "\"y\":{\"type\":\"integer\",\"minimum\":2,\"maximum\":2}},"
                        + "\"required\":[\"x\"]}"));
    }

    @Test
    void emptyArraysOnlyGiveNoItems() {
        assertThat(infer(2, i -> "{\"a\":[]}").at("/properties/a")).isEqualTo(json("{\"type\":\"array\"}"));
    }

    @Test
    void scalarPayloadsAreJson() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        inferrer.accept("42");
        inferrer.accept("true");

        assertThat(inferrer.schema().get("type")).isEqualTo(json("[\"integer\",\"boolean\"]"));
    }

    @Test
    void nonJsonPayloadsAreCountedAndLeftOut() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        inferrer.accept("{\"a\":1}");
        inferrer.accept("hello");
        inferrer.accept("{\"a\":1} trailing");
        inferrer.accept("");

        JsonNode schema = inferrer.schema();
        assertThat(inferrer.nonJsonSamples()).isEqualTo(3);
        assertThat(inferrer.jsonSamples()).isEqualTo(1);
        assertThat(inferrer.samples()).isEqualTo(4);
        assertThat(schema.get("type").stringValue()).isEqualTo("object");
        assertThat(schema.get("description").stringValue())
                .isEqualTo("Inferred from 1 JSON payload and 3 payloads that were not JSON.");
    }

    @Test
    void onlyNonJsonPayloadsGivePlainText() {
        JsonNode schema = infer(5, i -> "reading " + i);

        assertThat(schema.get("type").stringValue()).isEqualTo("string");
        assertThat(schema.get("contentMediaType").stringValue()).isEqualTo("text/plain");
    }

    @Test
    void noPayloadGivesTheEmptySchema() {
        JsonNode schema = new SchemaInferrer("t").schema();

        assertThat(schema.propertyNames()).containsExactly("$schema", "title", "description");
    }

    @Test
    void distinctStringsStayCappedAndTheEnumIsDropped() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        for (int i = 0; i < 100_000; i++) {
            inferrer.accept("{\"id\":\"device-" + i + "\",\"kind\":\"camera\"}");
            assertThat(inferrer.trackedStrings()).isLessThanOrEqualTo(InferenceLimits.DEFAULTS.maxEnumValues() + 1);
        }

        JsonNode schema = inferrer.schema();
        assertThat(schema.at("/properties/id")).isEqualTo(json("{\"type\":\"string\"}"));
        assertThat(schema.at("/properties/kind/enum")).isEqualTo(json("[\"camera\"]"));
        assertThat(inferrer.trackedStrings()).as("only kind's one value").isEqualTo(1);
        assertThat(inferrer.trackedNodes()).isEqualTo(3);
    }

    @Test
    void distinctKeysStayCappedAtTheNodeBudget() {
        InferenceLimits limits = InferenceLimits.DEFAULTS.withMaxNodes(100);
        SchemaInferrer inferrer = new SchemaInferrer("t", limits);
        for (int i = 0; i < 100_000; i++) {
            inferrer.accept("{\"fixed\":1,\"key-" + i + "\":{\"n\":" + i + "}}");
        }

        assertThat(inferrer.trackedNodes()).isEqualTo(101);
        JsonNode schema = inferrer.schema();
        assertThat(schema.get("required")).isEqualTo(json("[\"fixed\"]"));
        assertThat(schema.get("$comment").stringValue()).contains("some properties not described");
    }

    @Test
    void propertiesPerObjectAreCapped() {
        InferenceLimits limits = InferenceLimits.DEFAULTS.withMaxProperties(3);
        SchemaInferrer inferrer = new SchemaInferrer("t", limits);
        inferrer.accept("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}");

        assertThat(inferrer.schema().get("properties").propertyNames()).containsExactly("a", "b", "c");
    }

    @Test
    void longKeysAreNotDescribed() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        inferrer.accept("{\"a\":1,\"" + "k".repeat(257) + "\":2}");

        assertThat(inferrer.schema().get("properties").propertyNames()).containsExactly("a");
        assertThat(inferrer.trackedNodes()).isEqualTo(2);
    }

    @Test
    void trackedStringsAreCappedAcrossPositions() {
        InferenceLimits limits = InferenceLimits.DEFAULTS.withMinEnumSamples(1).withMaxTrackedStrings(5);
        SchemaInferrer inferrer = new SchemaInferrer("t", limits);
        inferrer.accept("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}");
        inferrer.accept("{\"a\":\"4\",\"b\":\"5\",\"c\":\"6\"}");

        assertThat(inferrer.trackedStrings()).isLessThanOrEqualTo(5);
        assertThat(inferrer.schema().at("/properties/c").has("enum"))
                .as("c found the budget spent")
                .isFalse();
        assertThat(inferrer.schema().at("/properties/a/enum")).isEqualTo(json("[\"1\",\"4\"]"));
    }

    @Test
    void nestingBelowTheDepthLimitIsNotDescribed() {
        InferenceLimits limits = InferenceLimits.DEFAULTS.withMaxDepth(2);
        SchemaInferrer inferrer = new SchemaInferrer("t", limits);
        inferrer.accept("{\"a\":{\"b\":{\"c\":{\"d\":1}}}}");

        JsonNode b = inferrer.schema().at("/properties/a/properties/b");
        assertThat(b.get("type").stringValue()).isEqualTo("object");
        assertThat(b.has("properties")).isFalse();
        assertThat(b.get("$comment").stringValue()).contains("nested deeper than 2 levels");
    }

    @Test
    void snapshotIsACopyTheFeedingDoesNotChange() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        inferrer.accept("{\"a\":1}");
        JsonNode before = inferrer.schema();
        inferrer.accept("{\"a\":\"x\"}");

        assertThat(before.at("/properties/a/type").stringValue()).isEqualTo("integer");
        assertThat(inferrer.schema().at("/properties/a/type")).isEqualTo(json("[\"string\",\"integer\"]"));
    }

    @Test
    void bigIntegersStayIntegers() {
        JsonNode schema = infer(2, i -> i == 0 ? "{\"n\":123456789012345678901234567890}" : "{\"n\":5}");

        assertThat(schema.at("/properties/n/type").stringValue()).isEqualTo("integer");
        assertThat(schema.at("/properties/n/minimum").longValue()).isEqualTo(5);
    }
}
