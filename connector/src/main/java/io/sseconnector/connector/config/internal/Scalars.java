package io.sseconnector.connector.config.internal;

import io.sseconnector.client.References;
import io.sseconnector.connector.config.ConfigEnvironment;
import io.sseconnector.connector.config.Quantities;
import io.sseconnector.connector.config.Secret;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Converts one node to a typed value, resolving references, or reports why it cannot: a wrong
 * type ("expected a number, found a mapping") or a bad value. Messages quote the text as written,
 * so a value that came from a reference is never printed.
 */
public final class Scalars {
    /** {@code scheme://user:password@}: up to the last '@' before the path, so no piece of a password remains. */
    private static final Pattern USER_INFO = Pattern.compile("^(\\s*[A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private final Problems problems;
    private final ConfigEnvironment environment;

    public Scalars(Problems problems, ConfigEnvironment environment) {
        this.problems = problems;
        this.environment = environment;
    }

    public Problems problems() {
        return problems;
    }

    /** A string (any scalar's text, references resolved). */
    public Optional<String> text(Node node) {
        return scalar(node, "a string").flatMap(this::resolve);
    }

    /** A non-empty string. */
    public Optional<String> nonEmptyText(Node node) {
        Optional<String> text = text(node);
        if (text.isPresent() && text.get().isBlank()) {
            problems.error(node, "must not be empty");
            return Optional.empty();
        }
        return text;
    }

    /** A string kept as a secret: the template as written and the resolved value. */
    public Optional<Secret> secret(Node node) {
        Optional<Node.Scalar> scalar = scalar(node, "a string");
        return scalar.flatMap(s -> resolve(s)
                .map(value ->
                        References.contains(s.text()) ? Secret.resolved(s.text(), value) : Secret.literal(value)));
    }

    /** The scalar's text with its references resolved, or empty after reporting each problem at it. */
    private Optional<String> resolve(Node.Scalar scalar) {
        return References.resolve(scalar.text(), environment, message -> problems.error(scalar, message));
    }

    /** A whole number within {@code min..max}; {@code range} says the allowed values in words. */
    public OptionalLong integer(Node node, long min, long max, String range) {
        Optional<Node.Scalar> scalar = scalar(node, "a number");
        if (scalar.isEmpty()) {
            return OptionalLong.empty();
        }
        if (scalar.get().type() == Node.Scalar.Type.BOOLEAN) {
            return wrongType(node, "a number");
        }
        Optional<String> text = resolve(scalar.get());
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            problems.error(node, quote(scalar.get()) + " is not a whole number");
            return OptionalLong.empty();
        }
        if (value < min || value > max) {
            problems.error(node, range + ", found " + quote(scalar.get()));
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    /** {@code true} or {@code false}. */
    public Optional<Boolean> bool(Node node) {
        Optional<Node.Scalar> scalar = scalar(node, "true or false");
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = resolve(scalar.get());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problems.error(node, "expected true or false, found " + quote(scalar.get()));
                yield Optional.empty();
            }
        };
    }

    /** A duration: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 2h} or a number of seconds. */
    public Optional<Duration> duration(Node node) {
        Optional<Node.Scalar> scalar = scalar(node, "a duration");
        Optional<String> text = scalar.flatMap(this::resolve);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Quantities.parseDuration(text.get()));
        } catch (IllegalArgumentException e) {
            problems.error(node, quote(scalar.get()) + " is not a duration; " + Quantities.DURATION_FORMS);
            return Optional.empty();
        }
    }

    /** A size in bytes: {@code 1048576}, {@code 64MiB}, {@code 1GiB}. */
    public OptionalLong size(Node node) {
        Optional<Node.Scalar> scalar = scalar(node, "a size");
        Optional<String> text = scalar.flatMap(this::resolve);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        if (text.get().trim().startsWith("-")) {
            problems.error(node, "must not be negative, found " + quote(scalar.get()));
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Quantities.parseSize(text.get()));
        } catch (IllegalArgumentException e) {
            problems.error(node, quote(scalar.get()) + " is not a size; " + Quantities.SIZE_FORMS);
            return OptionalLong.empty();
        }
    }

    /** One of {@code choices} (keys lower-case; the text is matched ignoring case). */
    public <T> Optional<T> choice(Node node, Map<String, T> choices, String forms) {
        Optional<Node.Scalar> scalar = scalar(node, "one of " + forms);
        Optional<String> text = scalar.flatMap(this::resolve);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        T value = choices.get(text.get().trim().toLowerCase(Locale.ROOT));
        if (value == null) {
            problems.error(
                    node,
                    "expected one of " + forms + ", found " + quote(scalar.get())
                            + Suggest.hint(text.get(), choices.keySet()));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A path to a file this process can read (TLS, schema files). */
    public Optional<Path> readableFile(Node node) {
        Optional<String> text = nonEmptyText(node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(text.get());
            if (!environment.isReadableFile(path)) {
                problems.error(node, "cannot read file " + text.get() + " (missing, unreadable or not a file)");
                return Optional.empty();
            }
            return Optional.of(path);
        } catch (InvalidPathException e) {
            problems.error(node, quote((Node.Scalar) node) + " is not a valid path");
            return Optional.empty();
        }
    }

    /** A path that need not exist yet (state directory, output file). */
    public Optional<Path> path(Node node) {
        Optional<String> text = nonEmptyText(node);
        try {
            return text.map(Path::of);
        } catch (InvalidPathException e) {
            problems.error(node, quote((Node.Scalar) node) + " is not a valid path");
            return Optional.empty();
        }
    }

    /** The node as a scalar, or empty after an "expected X, found Y" error. */
    public Optional<Node.Scalar> scalar(Node node, String expected) {
        if (node instanceof Node.Scalar scalar) {
            return Optional.of(scalar);
        }
        wrongType(node, expected);
        return Optional.empty();
    }

    /** Reports "expected X, found Y". */
    public OptionalLong wrongType(Node node, String expected) {
        problems.error(node, "expected " + expected + ", found " + node.describe());
        return OptionalLong.empty();
    }

    /**
     * How a message shows a value: as written, in quotes; a value with references is named by its
     * template, never by what it resolved to.
     */
    public static String quote(Node.Scalar scalar) {
        String text = scalar.text();
        return References.contains(text) ? "the value of '" + text + "'" : "'" + text + "'";
    }

    /** {@link #quote} for a URL, its user info (a password may hide there) masked as {@code ****}. */
    public static String quoteUrl(Node.Scalar scalar) {
        return quote(new Node.Scalar(scalar.path(), scalar.mark(), withoutUserInfo(scalar.text()), scalar.type()));
    }

    /** The text with what lies between {@code scheme://} and the authority's last {@code @} masked. */
    static String withoutUserInfo(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1****@");
    }
}
