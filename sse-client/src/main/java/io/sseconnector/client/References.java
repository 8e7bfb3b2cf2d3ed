package io.sseconnector.client;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} and {@code ${file:PATH}} in a configured value, and {@code $${} for a literal
 * {@code ${}: the one grammar of the client's request headers (resolved at each connect, so a
 * rotated token file is picked up) and of the connector's configuration (resolved at load). A
 * file's trailing line breaks are dropped, as secret files usually end with one. Problems name the
 * variable or the path, never a value or a file's content.
 */
public final class References {
    private static final String ENV = "env:";
    private static final String FILE = "file:";
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String FORMS = "write ${env:NAME} or ${file:PATH} ($${ for a literal ${)";

    private References() {}

    /** Where references are looked up: environment variables and files. */
    public interface Lookup {
        /** The variable's value, or empty when it is not set. */
        Optional<String> variable(String name);

        /** The file's content as UTF-8; from the file system unless a lookup says otherwise. */
        default String readFile(Path path) throws IOException {
            return Files.readString(path, StandardCharsets.UTF_8);
        }

        /** The process environment and the file system. */
        static Lookup system() {
            return of(System::getenv);
        }

        /** These variables ({@code null} when unset); files from the file system. */
        static Lookup of(Function<String, String> variables) {
            return name -> Optional.ofNullable(variables.apply(name));
        }
    }

    /** Whether the text may hold a reference (or an escaped {@code $${}). */
    public static boolean contains(String text) {
        return text.contains("${");
    }

    /**
     * The text with every reference replaced and every {@code $${} turned into {@code ${}; or empty
     * after handing each problem found, one sentence each, to {@code problems}.
     */
    public static Optional<String> resolve(String text, Lookup lookup, Consumer<String> problems) {
        int start = text.indexOf("${");
        if (start < 0) {
            return Optional.of(text);
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        boolean ok = true;
        int from = 0;
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
                problems.accept("'${' is not closed; " + FORMS);
                return Optional.empty();
            }
            String reference = text.substring(start + 2, end);
            Optional<String> value;
            if (reference.startsWith(ENV)) {
                value = variable(reference.substring(ENV.length()), lookup, problems);
            } else if (reference.startsWith(FILE)) {
                value = file(reference.substring(FILE.length()), lookup, problems);
            } else {
                problems.accept("unknown reference '${" + reference + "}'; " + FORMS);
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

    private static Optional<String> variable(String name, Lookup lookup, Consumer<String> problems) {
        if (!VARIABLE.matcher(name).matches()) {
            problems.accept("'" + name + "' is not an environment variable name (letters, digits, '_')");
            return Optional.empty();
        }
        Optional<String> value = lookup.variable(name);
        if (value.isEmpty()) {
            problems.accept("environment variable " + name + " is not set");
        }
        return value;
    }

    private static Optional<String> file(String name, Lookup lookup, Consumer<String> problems) {
        if (name.isBlank()) {
            problems.accept("${file:} names no file");
            return Optional.empty();
        }
        try {
            String content = lookup.readFile(Path.of(name));
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                end--;
            }
            return Optional.of(content.substring(0, end));
        } catch (IOException | InvalidPathException e) {
            problems.accept("cannot read file " + name + " (" + reason(e) + ")");
            return Optional.empty();
        }
    }

    /** Why a file could not be read, in words; never the exception's message (it may quote content). */
    public static String reason(Exception e) {
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
