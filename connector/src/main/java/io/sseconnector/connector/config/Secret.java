package io.sseconnector.connector.config;

import java.util.Objects;

/**
 * A configured value that must never be printed: a password, a header value, a token rule. It
 * keeps the text as written in the file (the {@link #template()}, e.g. {@code Bearer
 * ${env:CAMERA_TOKEN}}) and the value resolved at load. {@link #toString()} shows the template when
 * it holds a reference (which names where the value comes from, not the value) and {@code ****}
 * otherwise.
 *
 * <p>A consumer that re-reads references at each use (the SSE client resolves {@code ${env:}} and
 * {@code ${file:}} in headers at each connect, so a rotated token file is picked up) takes the
 * template; every other consumer takes {@link #value()}.
 */
public final class Secret {
    private final String template;
    private final String value;

    private Secret(String template, String value) {
        this.template = Objects.requireNonNull(template, "template");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A value written literally (no references): template and value are the same. */
    public static Secret literal(String value) {
        return new Secret(value, value);
    }

    /** A value resolved from a template that may hold {@code ${env:NAME}} / {@code ${file:PATH}}. */
    public static Secret resolved(String template, String value) {
        return new Secret(template, value);
    }

    /** The resolved value: hand it to the one consumer that needs it, never to a log. */
    public String value() {
        return value;
    }

    /** The text as written in the configuration, references unresolved. */
    public String template() {
        return template;
    }

    /** Whether the template refers to the environment or a file (rather than holding the value). */
    public boolean isReference() {
        return template.contains("${env:") || template.contains("${file:");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && template.equals(other.template) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, value);
    }

    @Override
    public String toString() {
        return isReference() ? template : "****";
    }
}
