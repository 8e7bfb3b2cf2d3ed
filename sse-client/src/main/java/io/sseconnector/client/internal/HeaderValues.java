package io.sseconnector.client.internal;

import io.sseconnector.client.SseClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} references in header values at each
 * connect, so a rotated token file is picked up by the next connection. Errors name the header and
 * the variable or path, never a value.
 */
final class HeaderValues {
    private static final String ENV = "env:";
    private static final String FILE = "file:";

    private final UnaryOperator<String> environment;

    HeaderValues(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Resolves against the process environment and file system. */
    static HeaderValues system() {
        return new HeaderValues(System::getenv);
    }

    /** The headers in order with every reference replaced; throws {@link SseClientException}. */
    List<Map.Entry<String, String>> resolve(Map<String, String> headers) {
        List<Map.Entry<String, String>> resolved = new ArrayList<>(headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            resolved.add(Map.entry(header.getKey(), resolve(header.getKey(), header.getValue())));
        }
        return resolved;
    }

    /** One value; {@code name} is the header's name, for error messages. */
    String resolve(String name, String value) {
        int start = value.indexOf("${");
        if (start < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 32);
        int from = 0;
        while (start >= 0) {
            int end = value.indexOf('}', start + 2);
            if (end < 0) {
                break;
            }
            String reference = value.substring(start + 2, end);
            out.append(value, from, start);
            if (reference.startsWith(ENV)) {
                out.append(env(name, reference.substring(ENV.length())));
            } else if (reference.startsWith(FILE)) {
                out.append(file(name, reference.substring(FILE.length())));
            } else {
                out.append(value, start, end + 1); // not ours: kept as written
            }
            from = end + 1;
            start = value.indexOf("${", from);
        }
        out.append(value, from, value.length());
        return out.toString();
    }

    private String env(String header, String variable) {
        String value = environment.apply(variable);
        if (value == null) {
            throw new SseClientException(
                    "header " + header + ": environment variable " + variable + " is not set", -1, null);
        }
        return value;
    }

    private static String file(String header, String path) {
        try {
            String content = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                end--;
            }
            return content.substring(0, end);
        } catch (IOException | RuntimeException e) {
            // The exception's own message may quote file content in rare cases: name the type only.
            throw new SseClientException(
                    "header " + header + ": cannot read file " + path + " ("
                            + e.getClass().getSimpleName() + ")",
                    -1,
                    null);
        }
    }
}
