package io.sseconnector.connector.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InferringValidatorTest {
    private static final String BAD_ALERT =
            "{\"type\":\"ALERT\",\"timestamp\":\"soon\",\"message\":\"leak\",\"event_id\":1}";

    @Test
    void learnsThenFreezesAndChecks() {
        SchemaInferrer inferrer = new SchemaInferrer("cam/ALERT");
        InferringValidator validator = new InferringValidator(inferrer, ValidationMode.ENFORCE, 25);

        for (int i = 0; i < 24; i++) {
            assertThat(validator.check(CameraSamples.alert(i))).isEqualTo(Verdict.VALID);
        }
        assertThat(validator.learning()).isTrue();
        assertThat(validator.schema()).isNull();
        assertThat(validator.check(CameraSamples.alert(24))).isEqualTo(Verdict.VALID);
        assertThat(validator.learning()).isFalse();

        assertThat(validator.check(CameraSamples.alert(1_000))).isEqualTo(Verdict.VALID);
        assertThat(validator.check(BAD_ALERT).reason()).isEqualTo("/timestamp: string found, integer expected");
        assertThat(validator.schema().at("/properties/timestamp/type").stringValue())
                .isEqualTo("integer");
    }

    @Test
    void whileLearningEveryJsonPayloadPasses() {
        InferringValidator validator = new InferringValidator(new SchemaInferrer("t"), ValidationMode.ENFORCE, 100);

        assertThat(validator.check(CameraSamples.alert(0))).isEqualTo(Verdict.VALID);
        assertThat(validator.check(BAD_ALERT)).isEqualTo(Verdict.VALID);
    }

    @Test
    void afterFreezingOnlyValidPayloadsAreLearned() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        InferringValidator validator = new InferringValidator(inferrer, ValidationMode.WARN, 25);
        for (int i = 0; i < 25; i++) {
            validator.check(CameraSamples.alert(i));
        }

        assertThat(validator.check(BAD_ALERT).valid()).isFalse();
        validator.check("{\"type\":\"ALERT\",\"timestamp\":5,\"message\":\"leak\",\"event_id\":1,\"zone\":\"B\"}");

        assertThat(inferrer.jsonSamples()).isEqualTo(26);
        assertThat(inferrer.schema().at("/properties/timestamp/type").stringValue())
                .isEqualTo("integer");
        assertThat(inferrer.schema().at("/properties/zone/type").stringValue())
                .as("a new optional key is learned")
                .isEqualTo("string");
    }

    @Test
    void nonJsonIsCountedAndFailsOnlyWhenEnforcing() {
        SchemaInferrer inferrer = new SchemaInferrer("t");

        assertThat(new InferringValidator(inferrer, ValidationMode.ENFORCE).check("plain"))
                .isEqualTo(Verdict.NOT_JSON);
        assertThat(new InferringValidator(inferrer, ValidationMode.WARN).check("plain"))
                .isEqualTo(Verdict.VALID);
        assertThat(new InferringValidator(inferrer, ValidationMode.OFF).check("plain"))
                .isEqualTo(Verdict.VALID);
        assertThat(inferrer.nonJsonSamples()).isEqualTo(3);
    }

    @Test
    void offLearnsEverythingAndNeverFreezes() {
        SchemaInferrer inferrer = new SchemaInferrer("t");
        InferringValidator validator = new InferringValidator(inferrer, ValidationMode.OFF, 1);

        validator.check(CameraSamples.alert(0));
        assertThat(validator.check(BAD_ALERT)).isEqualTo(Verdict.VALID);

        assertThat(validator.learning()).isTrue();
        assertThat(inferrer.schema().at("/properties/timestamp/type")).hasSize(2);
    }
}
