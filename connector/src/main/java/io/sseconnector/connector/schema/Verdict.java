package io.sseconnector.connector.schema;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one payload.
 *
 * @param valid whether the payload conforms under the check's {@link ValidationMode}
 * @param violations why not, each at a JSON pointer; empty when valid
 */
public record Verdict(boolean valid, List<Violation> violations) {
    /** A payload that conforms (or was not checked). */
    public static final Verdict VALID = new Verdict(true, List.of());
    /** A payload that is not JSON, under {@link ValidationMode#ENFORCE}. */
    public static final Verdict NOT_JSON = invalid(List.of(new Violation("", "not JSON")));

    /** Violations shown in {@link #reason()}; the rest are counted. */
    static final int REASON_VIOLATIONS = 3;

    public Verdict {
        violations = List.copyOf(violations);
        if (valid != violations.isEmpty()) {
            throw new IllegalArgumentException("a verdict is valid exactly when it has no violations");
        }
    }

    public static Verdict invalid(List<Violation> violations) {
        return new Verdict(false, violations);
    }

    /**
     * One line for a log or the MQTT 5 {@code error} user property: {@code ""} when valid, else the
     * first violations joined with {@code "; "}, e.g. {@code /timestamp: string found, integer
     * expected; /event_id: required property 'event_id' not found (and 2 more)}.
     */
    public String reason() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < Math.min(REASON_VIOLATIONS, violations.size()); i++) {
            if (i > 0) {
                line.append("; ");
            }
            line.append(violations.get(i));
        }
        if (violations.size() > REASON_VIOLATIONS) {
            line.append(" (and ").append(violations.size() - REASON_VIOLATIONS).append(" more)");
        }
        return line.toString();
    }

    /**
     * One reason a payload is invalid.
     *
     * @param pointer where, as a JSON pointer ({@code ""} for the whole payload, {@code /leak_location/latitude}
     *     for a nested value, the missing key itself for a required property)
     * @param message what is wrong, e.g. {@code string found, number expected}
     */
    public record Violation(String pointer, String message) {
        public Violation {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return pointer.isEmpty() ? message : pointer + ": " + message;
        }
    }
}
