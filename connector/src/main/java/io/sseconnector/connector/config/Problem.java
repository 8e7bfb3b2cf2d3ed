package io.sseconnector.connector.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a configuration file, where it is, and what to do about it. Messages name
 * keys, variables and paths, never a secret's value.
 *
 * @param severity an error stops the load; a warning reports a value that was replaced
 * @param path where in the YAML, like {@code assets[0].events[1].destinations[0].configuration.qos}
 *     ({@code ""} for the whole file)
 * @param line 1-based; 0 when the problem is the file itself (missing, unreadable)
 * @param column 1-based; 0 with line 0
 * @param message what is wrong and, when it helps, the fix
 */
public record Problem(Severity severity, String path, int line, int column, String message) {
    /** By position in the file, then path. */
    public static final Comparator<Problem> BY_POSITION = Comparator.comparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::path);

    /** How bad. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String path, int line, int column, String message) {
        return new Problem(Severity.ERROR, path, line, column, message);
    }

    public static Problem warning(String path, int line, int column, String message) {
        return new Problem(Severity.WARNING, path, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The compiler-style line: {@code FILE:LINE:COL: PATH: message}, with {@code warning: } before
     * the message of a warning; {@code FILE: message} for a problem with the file itself.
     */
    public String format(String file) {
        String text = severity == Severity.WARNING ? "warning: " + message : message;
        if (line == 0) {
            return file + ": " + text;
        }
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "(top level)" : path) + ": " + text;
    }

    @Override
    public String toString() {
        return format("<config>");
    }
}
