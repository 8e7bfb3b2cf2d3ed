package io.sseconnector.connector.schema;

/**
 * A schema could not be used: its file is missing or unreadable, it is not JSON, it is not a valid
 * JSON Schema, or it refers to a schema that cannot be resolved. The message names the file and the
 * problem in one line.
 */
public final class SchemaLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaLoadException(String message) {
        super(message);
    }

    public SchemaLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
