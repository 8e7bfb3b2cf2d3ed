package io.sseconnector.connector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PayloadValidatorTest {
    private static final String READING_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "sensor": { "type": "string" },
                "value": { "type": "number", "minimum": 0 },
                "location": {
                  "type": "object",
                  "properties": { "latitude": { "type": "number" } },
                  "required": ["latitude"]
                }
              },
              "required": ["sensor", "value"]
            }
            """;

    @TempDir
    Path dir;

    private static PayloadValidator inferredFrom(int count, java.util.function.IntFunction<String> payload) {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        for (int i = 0; i < count; i++) {
            inferrer.accept(payload.apply(i));
        }
        return PayloadValidator.forInferred(inferrer.schema(), ValidationMode.ENFORCE);
    }

    @Test
    void inferredSchemaAcceptsThePayloadsItWasInferredFrom() {
        PayloadValidator heartbeat = inferredFrom(30, CameraSamples::heartbeat);
        PayloadValidator alert = inferredFrom(30, CameraSamples::alert);
        PayloadValidator dlqc = inferredFrom(60, CameraSamples::alertDlqc);

        for (int i = 0; i < 60; i++) {
            assertThat(heartbeat.check(CameraSamples.heartbeat(i % 30))).isEqualTo(Verdict.VALID);
            assertThat(alert.check(CameraSamples.alert(i % 30))).isEqualTo(Verdict.VALID);
            assertThat(dlqc.check(CameraSamples.alertDlqc(i))).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void observedRangesAreNotEnforced() {
        PayloadValidator heartbeat = inferredFrom(30, CameraSamples::heartbeat);

        assertThat(heartbeat.check(CameraSamples.heartbeat(1_000_000)).valid())
                .as("a later timestamp")
                .isTrue();
        assertThat(heartbeat.schema().at("/properties/timestamp").has("maximum"))
                .isFalse();
    }

    @Test
    void wrongTypeIsRejectedNamingTheField() {
        PayloadValidator alert = inferredFrom(30, CameraSamples::alert);

        Verdict verdict =
                alert.check("{\"type\":\"ALERT\",\"timestamp\":\"yesterday\",\"message\":\"leak\",\"event_id\":7}");

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.violations())
                .containsExactly(new Verdict.Violation("/timestamp", "string found, integer expected"));
        assertThat(verdict.reason()).isEqualTo("/timestamp: string found, integer expected");
    }

    @Test
    void missingRequiredKeyIsRejectedNamingTheKey() {
        PayloadValidator alert = inferredFrom(30, CameraSamples::alert);

        Verdict verdict = alert.check("{\"type\":\"ALERT\",\"timestamp\":1,\"message\":\"leak\"}");

        assertThat(verdict.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/event_id");
            assertThat(v.message()).contains("required property 'event_id' not found");
        });
    }

    @Test
    void nestedAndEnumViolationsCarryTheirPointer() {
        PayloadValidator dlqc = inferredFrom(30, CameraSamples::alertDlqc);
        String payload = CameraSamples.alertDlqc(3)
                .replace("\"unit\":\"g/s\"", "\"unit\":\"kg/h\"")
                .replaceFirst("\"latitude\":[-0-9.]+", "\"latitude\":\"north\"");

        Verdict verdict = dlqc.check(payload);

        assertThat(verdict.violations())
                .extracting(Verdict.Violation::pointer)
                .containsExactlyInAnyOrder("/leak_location/latitude", "/unit");
        assertThat(verdict.reason()).contains("/unit: does not have a value in the enumeration [\"g/s\"]");
    }

    @Test
    void keySeenOnlyAsNullTakesAnyTypeLater() {
        PayloadValidator validator = inferredFrom(5, i -> "{\"note\":null}");

        assertThat(validator.check("{\"note\":\"cleaned lens\"}").valid()).isTrue();
        assertThat(validator.check("{}").reason()).isEqualTo("/note: required property 'note' not found");
    }

    @Test
    void newKeysAreAllowed() {
        PayloadValidator heartbeat = inferredFrom(30, CameraSamples::heartbeat);

        assertThat(heartbeat
                        .check("{\"type\":\"HEARTBEAT\",\"timestamp\":1,\"firmware\":\"2.1\"}")
                        .valid())
                .isTrue();
    }

    @Test
    void nonJsonFailsOnlyWhenEnforcing() throws Exception {
        Path file = Files.writeString(dir.resolve("reading.json"), READING_SCHEMA);

        assertThat(PayloadValidator.fromFile(file, ValidationMode.ENFORCE).check("not json"))
                .isEqualTo(Verdict.NOT_JSON);
        assertThat(Verdict.NOT_JSON.reason()).isEqualTo("not JSON");
        assertThat(PayloadValidator.fromFile(file, ValidationMode.WARN).check("not json"))
                .isEqualTo(Verdict.VALID);
        assertThat(PayloadValidator.fromFile(file, ValidationMode.OFF).check("not json"))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void warnReportsViolationsAndOffChecksNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("reading.json"), READING_SCHEMA);
        String bad = "{\"sensor\":\"s1\",\"value\":-1}";

        assertThat(PayloadValidator.fromFile(file, ValidationMode.WARN)
                        .check(bad)
                        .reason())
                .isEqualTo("/value: must have a minimum value of 0");
        assertThat(PayloadValidator.fromFile(file, ValidationMode.OFF).check(bad))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void schemaFileLoadsAndValidates() throws Exception {
        Path file = Files.writeString(dir.resolve("reading.json"), READING_SCHEMA);
        PayloadValidator validator = PayloadValidator.fromFile(file, ValidationMode.ENFORCE);

        assertThat(validator.check("{\"sensor\":\"s1\",\"value\":2.5,\"location\":{\"latitude\":1}}"))
                .isEqualTo(Verdict.VALID);
        assertThat(validator.check("{\"sensor\":\"s1\",\"location\":{}}").violations())
                .extracting(Verdict.Violation::pointer)
                .containsExactlyInAnyOrder("/value", "/location/latitude");
        assertThat(validator.schema().get("required")).hasSize(2);
    }

    @Test
    void schemaFileMayUseAnOlderDraftAndInternalRefs() throws Exception {
        Path file = Files.writeString(dir.resolve("d7.json"), """
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "definitions": {"id": {"type": "integer"}},
                 "properties": {"id": {"$ref": "#/definitions/id"}}}
                """);
        PayloadValidator validator = PayloadValidator.fromFile(file, ValidationMode.ENFORCE);

        assertThat(validator.check("{\"id\":1}").valid()).isTrue();
        assertThat(validator.check("{\"id\":\"x\"}").reason()).isEqualTo("/id: string found, integer expected");
    }

    @Test
    void missingSchemaFileIsAClearError() {
        Path file = dir.resolve("nope.json");

        assertThatThrownBy(() -> PayloadValidator.fromFile(file, ValidationMode.ENFORCE))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessage("schema file " + file + " does not exist");
    }

    @Test
    void schemaFileThatIsNotJsonIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"type\": \"object\",\n  \"properties\": {\n}");

        assertThatThrownBy(() -> PayloadValidator.fromFile(file, ValidationMode.ENFORCE))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageStartingWith("schema file " + file + " is not valid JSON (line 4, column 2): ");
    }

    @Test
    void schemaFileThatIsNotAValidSchemaIsAClearError() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.json"), "{\"type\":\"object\",\"properties\":{\"a\":{\"minimum\":\"zero\"}}}");

        assertThatThrownBy(() -> PayloadValidator.fromFile(file, ValidationMode.ENFORCE))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessage("schema file " + file + " is not a valid JSON Schema (draft 2020-12): "
                        + "/properties/a/minimum: string found, number expected");
    }

    @Test
    void schemaFileWithAnUnsupportedDialectIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("odd.json"), "{\"$schema\":\"https://example.com/my-dialect\"}");

        assertThatThrownBy(() -> PayloadValidator.fromFile(file, ValidationMode.ENFORCE))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("unsupported $schema \"https://example.com/my-dialect\"");
    }

    @Test
    void remoteRefsAreNotFetched() throws Exception {
        Path file = Files.writeString(dir.resolve("remote.json"), "{\"$ref\":\"https://example.invalid/x.json\"}");

        assertThatThrownBy(() -> PayloadValidator.fromFile(file, ValidationMode.ENFORCE))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageStartingWith("schema file " + file + " cannot be used: ")
                .hasMessageContaining("nothing is fetched");
    }

    @Test
    void schemaThatIsNotAnObjectIsAClearError() {
        assertThatThrownBy(() -> PayloadValidator.of(JsonPayloads.parse("[1]"), ValidationMode.WARN))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessage("schema is not a JSON Schema: expected an object, found array");
    }

    @Test
    void schemaIsCopiedNotShared() {
        JsonNode schema = JsonPayloads.parse("{\"type\":\"integer\"}");
        PayloadValidator validator = PayloadValidator.of(schema, ValidationMode.ENFORCE);
        ((tools.jackson.databind.node.ObjectNode) schema).put("type", "string");

        assertThat(validator.check("1").valid()).isTrue();
        assertThat(validator.schema().get("type").stringValue()).isEqualTo("integer");
    }

    @Test
    void reasonShowsThreeViolationsAndCountsTheRest() {
        PayloadValidator validator = PayloadValidator.of(
                JsonPayloads.parse("{\"required\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}"), ValidationMode.ENFORCE);

        assertThat(validator.check("{}").reason())
                .isEqualTo("/a: required property 'a' not found; /b: required property 'b' not found;"
                        + " /c: required property 'c' not found (and 2 more)");
    }
}
