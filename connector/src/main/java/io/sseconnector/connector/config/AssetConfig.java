package io.sseconnector.connector.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An asset (in Azure IoT Operations terms) on a device: which SSE event types go where.
 *
 * @param name unique among assets; used in topics ({@code {asset}})
 * @param device the {@link DeviceConfig#name()} whose stream this asset reads
 * @param events the SSE types this asset routes, each with its destinations
 * @param defaultDestinations where SSE types that no event of this asset names go
 * @param validation the default of its events
 * @param deadLetterTopic the default of its events
 */
public record AssetConfig(
        String name,
        String device,
        List<AssetEventConfig> events,
        List<DestinationConfig> defaultDestinations,
        Validation validation,
        Optional<String> deadLetterTopic) {
    public static final Validation DEFAULT_VALIDATION = Validation.OFF;

    public AssetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        events = List.copyOf(events);
        defaultDestinations = List.copyOf(defaultDestinations);
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (events.stream().map(AssetEventConfig::name).distinct().count() != events.size()) {
            throw new IllegalArgumentException("asset " + name + " names an event twice");
        }
    }

    /** An asset with these events, no default destinations, validation off. */
    public static AssetConfig of(String name, String device, List<AssetEventConfig> events) {
        return new AssetConfig(name, device, events, List.of(), DEFAULT_VALIDATION, Optional.empty());
    }

    public AssetConfig withDefaultDestinations(List<DestinationConfig> value) {
        return new AssetConfig(name, device, events, value, validation, deadLetterTopic);
    }

    public AssetConfig withValidation(Validation value, String deadLetter) {
        return new AssetConfig(name, device, events, defaultDestinations, value, Optional.ofNullable(deadLetter));
    }
}
