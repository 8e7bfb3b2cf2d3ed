package io.sseconnector.connector.cli;

import io.sseconnector.connector.config.Quantities;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Parses durations the way users write them: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 2h},
 * or a bare number of seconds ({@code 5}, {@code 0.5}), as the seed's simulator accepted.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** Parses one duration; throws {@link CommandLine.TypeConversionException} with the expected forms. */
    public static Duration parse(String value) {
        try {
            return Quantities.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
