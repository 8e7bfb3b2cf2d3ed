package io.sseconnector.connector.config;

/** What the bridge does with a payload that does not match its event's JSON Schema. */
public enum Validation {
    /** No checking. */
    OFF,
    /** Deliver it, count it, log it once per schema. */
    WARN,
    /** Send it to the dead-letter topic with the reason, instead of its destinations. */
    ENFORCE
}
