/**
 * JSON Schemas for event payloads: inferred from the payloads seen ({@link
 * io.sseconnector.connector.schema.SchemaInferrer}, one per asset event, collected in {@link
 * io.sseconnector.connector.schema.InferredSchemas} for {@code GET /schemas}) or loaded from a file,
 * and payload validation against them ({@link io.sseconnector.connector.schema.PayloadCheck}) under a
 * {@link io.sseconnector.connector.schema.ValidationMode}.
 *
 * <p>Schemas are JSON Schema draft 2020-12 documents held as Jackson {@code JsonNode}s; validation
 * runs on networknt's json-schema-validator. No schema is ever fetched over the network: a {@code
 * $ref} to a remote document is an error at load time.
 */
package io.sseconnector.connector.schema;
