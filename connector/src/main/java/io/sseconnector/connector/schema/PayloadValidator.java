package io.sseconnector.connector.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks payloads against one fixed JSON Schema: a schema file from the config, or an inferred
 * schema once it is frozen (see {@link InferringValidator}). Immutable; safe to share between
 * threads.
 */
public final class PayloadValidator implements PayloadCheck {
    private final JsonNode document;
    private final Schema schema;
    private final ValidationMode mode;

    private PayloadValidator(JsonNode document, Schema schema, ValidationMode mode) {
        this.document = document;
        this.schema = schema;
        this.mode = mode;
    }

    /**
     * A validator for {@code schema} (draft 2020-12 unless its {@code $schema} says otherwise).
     *
     * @throws SchemaLoadException when it is not a valid JSON Schema or has an unresolvable {@code $ref}
     */
    public static PayloadValidator of(JsonNode schema, ValidationMode mode) {
        JsonNode copy = schema.deepCopy();
        return new PayloadValidator(copy, SchemaCompiler.compile(copy, "schema"), Objects.requireNonNull(mode, "mode"));
    }

    /**
     * A validator for the JSON Schema in {@code file} (JSON text; {@code $ref}s may point inside the
     * document only).
     *
     * @throws SchemaLoadException naming the file, when it is missing, unreadable, not JSON, not a
     *     valid JSON Schema, or refers to a schema that cannot be resolved
     */
    public static PayloadValidator fromFile(Path file, ValidationMode mode) {
        String what = "schema file " + file;
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SchemaLoadException(what + " does not exist", e);
        } catch (IOException e) {
            throw new SchemaLoadException(what + " cannot be read: " + e, e);
        }
        JsonNode document;
        try {
            document = JsonPayloads.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new SchemaLoadException(
                    what + " is not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        }
        if (document == null || document.isMissingNode()) {
            throw new SchemaLoadException(what + " is empty");
        }
        return new PayloadValidator(
                document, SchemaCompiler.compile(document, what), Objects.requireNonNull(mode, "mode"));
    }

    /**
     * A validator for a schema made by {@link SchemaInferrer}, relaxed where the observation says
     * nothing about the future: {@code minimum} and {@code maximum} are dropped (a timestamp's maximum
     * is exceeded by the very next event), and so is {@code "type": "null"} (a key seen only as null
     * has a type not seen yet). Types, required keys and enums are checked.
     */
    public static PayloadValidator forInferred(JsonNode inferred, ValidationMode mode) {
        JsonNode contract = inferred.deepCopy();
        relax(contract);
        return new PayloadValidator(
                contract, SchemaCompiler.compile(contract, "inferred schema"), Objects.requireNonNull(mode, "mode"));
    }

    @Override
    public Verdict check(String payload) {
        if (mode == ValidationMode.OFF) {
            return Verdict.VALID;
        }
        JsonNode json = JsonPayloads.parse(payload);
        if (json == null) {
            return mode == ValidationMode.ENFORCE ? Verdict.NOT_JSON : Verdict.VALID;
        }
        return check(json);
    }

    /** Checks a payload already parsed (see {@link JsonPayloads#parse}). Never throws. */
    public Verdict check(JsonNode payload) {
        if (mode == ValidationMode.OFF) {
            return Verdict.VALID;
        }
        List<Error> errors;
        try {
            errors = schema.validate(payload);
        } catch (RuntimeException e) {
            return Verdict.invalid(List.of(new Verdict.Violation("", "could not be checked: " + e.getMessage())));
        }
        if (errors.isEmpty()) {
            return Verdict.VALID;
        }
        return Verdict.invalid(errors.stream().map(SchemaCompiler::violation).toList());
    }

    @Override
    public ValidationMode mode() {
        return mode;
    }

    @Override
    public JsonNode schema() {
        return document.deepCopy();
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** See {@link #forInferred}: at the root, under properties, under items (all an inferred schema has). */
    private static void relax(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        object.remove("minimum");
        object.remove("maximum");
        JsonNode type = object.get("type");
        if (type != null && "null".equals(type.stringValue(""))) {
            object.remove("type");
        }
        if (object.get("properties") instanceof ObjectNode properties) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                relax(property.getValue());
            }
        }
        relax(object.get("items"));
    }
}
