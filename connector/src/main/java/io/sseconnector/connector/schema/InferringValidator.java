package io.sseconnector.connector.schema;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Checks payloads against the schema inferred from the stream's own first payloads.
 *
 * <p>Learning, then frozen: the first {@code learningSamples} JSON payloads teach the {@link
 * SchemaInferrer} and all pass. Then the inferred schema is frozen into a {@link PayloadValidator}
 * (via {@link PayloadValidator#forInferred}: types, required keys and enums are checked, ranges are
 * not) and every later payload is checked against it. After freezing only valid payloads are learned,
 * so the schema served at {@code /schemas} never drifts from the one enforced: it can only gain
 * optional properties (new keys pass, {@code additionalProperties} being open) and wider ranges.
 *
 * <p>Under {@link ValidationMode#OFF} nothing is checked and every payload is learned. Payloads that
 * are not JSON are counted by the inferrer; they pass unless the mode is {@link
 * ValidationMode#ENFORCE}, learning or not.
 *
 * <p>Thread safety: {@link #check} from the stream's thread only; {@link #schema()} and {@link
 * #learning()} from any thread.
 */
public final class InferringValidator implements PayloadCheck {
    /** JSON payloads learned before the schema is frozen. */
    public static final int DEFAULT_LEARNING_SAMPLES = 100;

    private final SchemaInferrer inferrer;
    private final ValidationMode mode;
    private final int learningSamples;
    private volatile PayloadValidator frozen;

    public InferringValidator(SchemaInferrer inferrer, ValidationMode mode) {
        this(inferrer, mode, DEFAULT_LEARNING_SAMPLES);
    }

    public InferringValidator(SchemaInferrer inferrer, ValidationMode mode, int learningSamples) {
        this.inferrer = Objects.requireNonNull(inferrer, "inferrer");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (learningSamples < 1) {
            throw new IllegalArgumentException("learningSamples must be >= 1, was " + learningSamples);
        }
        this.learningSamples = learningSamples;
    }

    @Override
    public Verdict check(String payload) {
        JsonNode json = JsonPayloads.parse(payload);
        if (json == null) {
            inferrer.acceptNonJson();
            return mode == ValidationMode.ENFORCE ? Verdict.NOT_JSON : Verdict.VALID;
        }
        PayloadValidator validator = frozen;
        if (mode == ValidationMode.OFF || validator == null) {
            inferrer.accept(json);
            if (mode != ValidationMode.OFF && inferrer.jsonSamples() >= learningSamples) {
                frozen = PayloadValidator.forInferred(inferrer.schema(), mode);
            }
            return Verdict.VALID;
        }
        Verdict verdict = validator.check(json);
        if (verdict.valid()) {
            inferrer.accept(json);
        }
        return verdict;
    }

    /** Whether the schema is still being learned (always, under {@link ValidationMode#OFF}). */
    public boolean learning() {
        return frozen == null;
    }

    public SchemaInferrer inferrer() {
        return inferrer;
    }

    @Override
    public ValidationMode mode() {
        return mode;
    }

    /** The frozen schema payloads are checked against, or {@code null} while learning. */
    @Override
    public JsonNode schema() {
        PayloadValidator validator = frozen;
        return validator == null ? null : validator.schema();
    }
}
