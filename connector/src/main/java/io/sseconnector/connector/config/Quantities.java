package io.sseconnector.connector.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and sizes the way users write them. Durations: {@code 500ms}, {@code 5s}, {@code 1m},
 * {@code 2h}, or a bare number of seconds ({@code 5}, {@code 0.5}), as the seed's simulator
 * accepted. Sizes: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB} (binary units) or
 * {@code KB}, {@code MB}, {@code GB} (decimal), units in any case.
 */
public final class Quantities {
    /** The forms a duration may take, for error messages. */
    public static final String DURATION_FORMS = "write it like 500ms, 5s, 1m or 2h";
    /** The forms a size may take, for error messages. */
    public static final String SIZE_FORMS = "write it like 1048576, 512KiB, 64MiB or 1GiB";

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");

    private Quantities() {}

    /** Parses a non-negative duration; throws {@link IllegalArgumentException} naming the value. */
    public static Duration parseDuration(String value) {
        String text = value == null ? "" : value.trim();
        int unitStart = text.length();
        while (unitStart > 0 && Character.isLetter(text.charAt(unitStart - 1))) {
            unitStart--;
        }
        String number = text.substring(0, unitStart).trim();
        String unit = text.substring(unitStart);
        double amount;
        try {
            amount = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw invalidDuration(value);
        }
        // Double.parseDouble also takes "0x1p3", "1e3" and "Infinity": only plain decimals are durations.
        if (!number.matches("\\d+(\\.\\d+)?|\\.\\d+") || amount < 0 || Double.isInfinite(amount)) {
            throw invalidDuration(value);
        }
        double millis = switch (unit) {
            case "ms" -> amount;
            case "", "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> throw invalidDuration(value);
        };
        if (millis > 1e15) { // ~31,000 years: past this, nanos overflow
            throw new IllegalArgumentException("'" + value + "' is too long a duration");
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** Parses a non-negative size in bytes; throws {@link IllegalArgumentException} naming the value. */
    public static long parseSize(String value) {
        Matcher m = SIZE.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size; " + SIZE_FORMS);
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kib", "k" -> 1L << 10;
            case "mib", "m" -> 1L << 20;
            case "gib", "g" -> 1L << 30;
            case "tib", "t" -> 1L << 40;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            default ->
                throw new IllegalArgumentException(
                        "'" + value + "' has an unknown unit '" + m.group(2) + "'; " + SIZE_FORMS);
        };
        double bytes = Double.parseDouble(m.group(1)) * unit;
        if (bytes >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + value + "' is too large a size");
        }
        if (m.group(2).isEmpty() && m.group(1).contains(".")) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number of bytes");
        }
        return (long) bytes;
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m}, {@code 2h}: the shortest exact form. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /** {@code 64MiB}, {@code 1GiB}, {@code 1500}: the binary unit when exact, else bytes. */
    public static String formatSize(long bytes) {
        String[] units = {"TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return Long.toString(bytes);
    }

    private static IllegalArgumentException invalidDuration(String value) {
        return new IllegalArgumentException("'" + value + "' is not a duration; " + DURATION_FORMS);
    }
}
