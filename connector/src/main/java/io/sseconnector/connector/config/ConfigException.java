package io.sseconnector.connector.config;

import java.util.List;

/** A configuration that did not load; carries every error, in file order. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> errors;

    public ConfigException(List<Problem> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<Problem> errors() {
        return errors;
    }

    private static String summary(List<Problem> errors) {
        if (errors.isEmpty()) {
            return "invalid configuration";
        }
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
