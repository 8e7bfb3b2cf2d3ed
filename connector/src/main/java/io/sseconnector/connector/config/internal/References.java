package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.ConfigEnvironment;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} in a scalar at load ({@code $${} writes a
 * literal {@code ${}). A file's trailing line breaks are dropped, as secret files usually end with
 * one. Problems name the variable or the path, never a value or a file's content.
 */
public final class References {
    private static final String ENV = "env:";
    private static final String FILE = "file:";
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ConfigEnvironment environment;
    private final Problems problems;

    public References(ConfigEnvironment environment, Problems problems) {
        this.environment = environment;
        this.problems = problems;
    }

    /** Whether the text refers to the environment or a file. */
    public static boolean hasReference(String text) {
        return text.contains("${");
    }

    /** The scalar's text with every reference replaced, or empty after reporting why not. */
    public Optional<String> resolve(Node.Scalar scalar) {
        String text = scalar.text();
        if (!text.contains("${")) {
            return Optional.of(text);
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        boolean ok = true;
        int from = 0;
        int start = text.indexOf("${");
        while (start >= 0) {
            if (start > 0 && text.charAt(start - 1) == '$') { // "$${" is a literal "${"
                out.append(text, from, start - 1).append("${");
                from = start + 2;
                start = text.indexOf("${", from);
                continue;
            }
            out.append(text, from, start);
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                problems.error(scalar, "'${' is not closed; write ${env:NAME} or ${file:PATH} ($${ for a literal ${)");
                return Optional.empty();
            }
            String reference = text.substring(start + 2, end);
            Optional<String> value;
            if (reference.startsWith(ENV)) {
                value = variable(scalar, reference.substring(ENV.length()));
            } else if (reference.startsWith(FILE)) {
                value = file(scalar, reference.substring(FILE.length()));
            } else {
                problems.error(
                        scalar,
                        "unknown reference '${" + reference + "}'; write ${env:NAME} or ${file:PATH}"
                                + " ($${ for a literal ${)");
                value = Optional.empty();
            }
            ok &= value.isPresent();
            value.ifPresent(out::append);
            from = end + 1;
            start = text.indexOf("${", from);
        }
        out.append(text, from, text.length());
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }

    private Optional<String> variable(Node.Scalar scalar, String name) {
        if (!VARIABLE.matcher(name).matches()) {
            problems.error(scalar, "'" + name + "' is not an environment variable name (letters, digits, '_')");
            return Optional.empty();
        }
        Optional<String> value = environment.variable(name);
        if (value.isEmpty()) {
            problems.error(scalar, "environment variable " + name + " is not set");
        }
        return value;
    }

    private Optional<String> file(Node.Scalar scalar, String name) {
        if (name.isBlank()) {
            problems.error(scalar, "${file:} names no file");
            return Optional.empty();
        }
        try {
            String content = environment.readFile(Path.of(name));
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                end--;
            }
            return Optional.of(content.substring(0, end));
        } catch (IOException | InvalidPathException e) {
            problems.error(scalar, "cannot read file " + name + " (" + reason(e) + ")");
            return Optional.empty();
        }
    }

    /** Why a file could not be read, in words; never the exception's message (it may quote content). */
    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof InvalidPathException) {
            return "not a valid path";
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("directory")) {
            return "is a directory";
        }
        return e.getClass().getSimpleName();
    }
}
