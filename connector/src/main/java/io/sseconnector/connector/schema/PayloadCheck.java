package io.sseconnector.connector.schema;

import tools.jackson.databind.JsonNode;

/**
 * Checks the payloads of one asset event under a {@link ValidationMode}: against a fixed schema
 * ({@link PayloadValidator}, e.g. from a file) or against the schema being inferred ({@link
 * InferringValidator}). Used from the stream's thread.
 */
public sealed interface PayloadCheck permits PayloadValidator, InferringValidator {
    /** Checks one SSE {@code data} string. Never throws for any payload. */
    Verdict check(String payload);

    ValidationMode mode();

    /** The schema payloads are checked against now ({@code null} while there is none); a copy. */
    JsonNode schema();
}
