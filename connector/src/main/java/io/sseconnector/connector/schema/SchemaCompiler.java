package io.sseconnector.connector.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema document into a networknt {@link Schema}, after checking it against its dialect's
 * meta-schema (bundled: nothing is fetched). Draft 2020-12 unless {@code $schema} names another
 * draft. A registry per schema: {@code $id}s of unrelated files never meet.
 */
final class SchemaCompiler {
    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();

    private SchemaCompiler() {}

    /** Compiles {@code document}; {@code what} names it in errors ("schema file /etc/a.json"). */
    static Schema compile(JsonNode document, String what) {
        if (!document.isObject() && !document.isBoolean()) {
            throw new SchemaLoadException(what + " is not a JSON Schema: expected an object, found "
                    + document.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        SpecificationVersion version = version(document, what);
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(version, builder -> builder.schemaRegistryConfig(CONFIG));
        List<Error> problems;
        try {
            problems = registry.getSchema(SchemaLocation.of(version.getDialectId()))
                    .validate(document);
        } catch (RuntimeException e) {
            throw new SchemaLoadException(what + " could not be checked against its meta-schema: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new SchemaLoadException(what + " is not a valid JSON Schema (" + describe(version) + "): "
                    + Verdict.invalid(problems.stream()
                                    .map(SchemaCompiler::violation)
                                    .toList())
                            .reason());
        }
        try {
            Schema schema = registry.getSchema(document);
            schema.initializeValidators(); // resolves every $ref now, not at the first payload
            return schema;
        } catch (RuntimeException e) {
            throw new SchemaLoadException(
                    what + " cannot be used: " + e.getMessage()
                            + " (only references inside the document are resolved; nothing is fetched)",
                    e);
        }
    }

    /** A networknt error as a violation; a missing required property is pointed at by its own path. */
    static Verdict.Violation violation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new Verdict.Violation(pointer, error.getMessage());
    }

    private static SpecificationVersion version(JsonNode document, String what) {
        JsonNode declared = document.get("$schema");
        if (declared == null) {
            return SpecificationVersion.DRAFT_2020_12;
        }
        String id = declared.isString() ? declared.stringValue() : "";
        Optional<SpecificationVersion> version = SpecificationVersion.fromDialectId(id)
                .or(() -> SpecificationVersion.fromDialectId(
                        id.endsWith("#") ? id.substring(0, id.length() - 1) : id + "#"));
        return version.orElseThrow(() -> new SchemaLoadException(what + " has an unsupported $schema " + declared
                + "; use https://json-schema.org/draft/2020-12/schema (or draft 2019-09, 7, 6, 4)"));
    }

    private static String describe(SpecificationVersion version) {
        return version.name()
                .toLowerCase(Locale.ROOT)
                .replace("draft_", "draft ")
                .replace('_', '-');
    }
}
