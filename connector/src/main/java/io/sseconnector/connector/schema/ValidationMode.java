package io.sseconnector.connector.schema;

/**
 * What the bridge does with an event's payload ({@code validation: off | warn | enforce} in the
 * config). A {@link PayloadCheck} applies the mode to its {@link Verdict}; the bridge acts on it.
 */
public enum ValidationMode {
    /** Nothing is checked: every payload is valid and forwarded. Schemas are still inferred. */
    OFF,
    /**
     * JSON payloads are checked; an invalid one is logged and counted, then forwarded as usual. A
     * payload that is not JSON passes as text.
     */
    WARN,
    /**
     * JSON payloads are checked and a payload that is not JSON is invalid ("not JSON"); an invalid
     * payload goes to the dead-letter topic with {@link Verdict#reason()}, not to its topic.
     */
    ENFORCE;

    /** Parses the config's spelling ({@code off}, {@code warn}, {@code enforce}, any case). */
    public static ValidationMode parse(String value) {
        for (ValidationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("validation must be off, warn or enforce, was '" + value + "'");
    }
}
