package io.sseconnector.connector.config;

import io.sseconnector.client.References;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a configuration may read besides its own text: environment variables ({@code ${env:NAME}}),
 * files ({@code ${file:PATH}}, TLS and schema files) and the host name (the default MQTT client
 * id). Tests inject one so they never depend on the machine's environment. The references are
 * resolved by the SSE client's {@link References}, the grammar its headers use at each connect.
 */
public interface ConfigEnvironment extends References.Lookup {
    /** Whether {@code path} names a regular file this process can read (on the file system by default). */
    default boolean isReadableFile(Path path) {
        return Files.isRegularFile(path) && Files.isReadable(path);
    }

    /** This machine's name. */
    String hostname();

    /** The process environment, the file system and the machine's host name. */
    static ConfigEnvironment system() {
        return new ConfigEnvironment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(System.getenv(name));
            }

            @Override
            public String hostname() {
                String fromEnv = System.getenv("HOSTNAME");
                if (fromEnv != null && !fromEnv.isBlank()) {
                    return fromEnv.trim();
                }
                try {
                    return InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    return "localhost";
                }
            }
        };
    }

    /** These variables and this host name; files come from the file system. */
    static ConfigEnvironment of(Map<String, String> variables, String hostname) {
        Map<String, String> vars = Map.copyOf(variables);
        return new ConfigEnvironment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(vars.get(name));
            }

            @Override
            public String hostname() {
                return hostname;
            }
        };
    }

    /** Entirely in memory: these variables, these files (path as written → content), this host name. */
    static ConfigEnvironment of(Map<String, String> variables, Map<String, String> files, String hostname) {
        Map<String, String> vars = Map.copyOf(variables);
        Map<String, String> contents = Map.copyOf(files);
        return new ConfigEnvironment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(vars.get(name));
            }

            @Override
            public String readFile(Path path) throws IOException {
                String content = contents.get(path.toString());
                if (content == null) {
                    throw new NoSuchFileException(path.toString());
                }
                return content;
            }

            @Override
            public boolean isReadableFile(Path path) {
                return contents.containsKey(path.toString());
            }

            @Override
            public String hostname() {
                return hostname;
            }
        };
    }
}
