package io.sseconnector.connector.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of an asset: the SSE type it matches and where it goes.
 *
 * @param name unique within its asset
 * @param eventNotifier the SSE {@code event:} type it matches, or {@link #ANY}; defaults to the name
 * @param destinations where a matching event goes, each in order (empty: matched and dropped)
 * @param validation what to do with payloads that do not match the schema
 * @param schemaFile a JSON Schema to check against, instead of the inferred one
 * @param deadLetterTopic where {@link Validation#ENFORCE} sends invalid payloads
 */
public record AssetEventConfig(
        String name,
        String eventNotifier,
        List<DestinationConfig> destinations,
        Validation validation,
        Optional<Path> schemaFile,
        Optional<String> deadLetterTopic) {
    /** The event notifier that matches every SSE type. */
    public static final String ANY = "*";

    public AssetEventConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventNotifier, "eventNotifier");
        if (eventNotifier.isEmpty()) {
            throw new IllegalArgumentException("eventNotifier of " + name + " is empty");
        }
        destinations = List.copyOf(destinations);
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(schemaFile, "schemaFile");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (validation == Validation.ENFORCE && deadLetterTopic.isEmpty()) {
            throw new IllegalArgumentException("event " + name + ": validation enforce needs a deadLetterTopic");
        }
    }

    /** An event matching the SSE type {@code eventNotifier}, validation off. */
    public static AssetEventConfig of(String name, String eventNotifier, List<DestinationConfig> destinations) {
        return new AssetEventConfig(
                name, eventNotifier, destinations, AssetConfig.DEFAULT_VALIDATION, Optional.empty(), Optional.empty());
    }

    public AssetEventConfig withDestinations(List<DestinationConfig> value) {
        return new AssetEventConfig(name, eventNotifier, value, validation, schemaFile, deadLetterTopic);
    }

    public AssetEventConfig withValidation(Validation value, String deadLetter) {
        return new AssetEventConfig(
                name, eventNotifier, destinations, value, schemaFile, Optional.ofNullable(deadLetter));
    }

    public AssetEventConfig withSchemaFile(Path value) {
        return new AssetEventConfig(name, eventNotifier, destinations, validation, Optional.of(value), deadLetterTopic);
    }
}
