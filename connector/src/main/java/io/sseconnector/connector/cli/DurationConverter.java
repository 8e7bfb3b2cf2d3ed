package io.sseconnector.connector.cli;

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
        String text = value == null ? "" : value.trim();
        int unitStart = text.length();
        while (unitStart > 0 && Character.isLetter(text.charAt(unitStart - 1))) {
            unitStart--;
        }
        String number = text.substring(0, unitStart);
        String unit = text.substring(unitStart);
        double amount;
        try {
            amount = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
        if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
            throw invalid(value);
        }
        double millis = switch (unit) {
            case "ms" -> amount;
            case "", "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> throw invalid(value);
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException(
                "'" + value + "' is not a duration; write it like 500ms, 5s, 1m or 2h");
    }
}
