package io.sseconnector.connector.config;

import io.sseconnector.client.References;
import io.sseconnector.connector.config.internal.AioForms;
import io.sseconnector.connector.config.internal.ConfigBinder;
import io.sseconnector.connector.config.internal.Node;
import io.sseconnector.connector.config.internal.Problems;
import io.sseconnector.connector.config.internal.Scalars;
import io.sseconnector.connector.config.internal.TreeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a YAML configuration strictly: every problem is collected (unknown keys with a
 * suggestion, wrong types, bad values, missing keys, duplicates, dangling references, unknown
 * placeholders, unset variables, unreadable files, syntax errors), each with its YAML path, line
 * and column. {@code ${env:NAME}} and {@code ${file:PATH}} are resolved through the {@link
 * ConfigEnvironment}. The Azure IoT Operations forms are rewritten to the canonical ones first.
 *
 * <pre>{@code
 * switch (ConfigLoader.system().load(path)) {
 *     case LoadResult.Loaded ok -> run(ok.config());
 *     case LoadResult.Failed failed -> failed.errors().forEach(p -> System.err.println(p.format(file)));
 * }
 * }</pre>
 */
public final class ConfigLoader {
    /** The largest file read, in bytes (and characters for {@link #parse}); a large real config is a few hundred KiB. */
    public static final int MAX_DOCUMENT_SIZE = 2 * 1024 * 1024;

    private final ConfigEnvironment environment;

    private ConfigLoader(ConfigEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Resolves against the process environment and the file system. */
    public static ConfigLoader system() {
        return new ConfigLoader(ConfigEnvironment.system());
    }

    /** Resolves against {@code environment} (tests inject a map). */
    public static ConfigLoader with(ConfigEnvironment environment) {
        return new ConfigLoader(environment);
    }

    /** Reads and checks a file; a missing or unreadable file is one problem at line 0. */
    public LoadResult load(Path file) {
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_DOCUMENT_SIZE) {
                return tooLarge(Files.size(file) + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new LoadResult.Failed(
                    List.of(Problem.error("", 0, 0, "cannot read the file (" + References.reason(e) + ")")), List.of());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new LoadResult.Failed(List.of(Problem.error("", 0, 0, "the file is not UTF-8 text")), List.of());
        }
        return parse(text);
    }

    /** Reads and checks YAML text. */
    public LoadResult parse(String yaml) {
        if (yaml.length() > MAX_DOCUMENT_SIZE) {
            return tooLarge(yaml.length() + " characters");
        }
        Problems problems = new Problems();
        Optional<ConnectorConfig> config = new TreeReader(problems)
                .read(stripBom(yaml))
                .flatMap(root -> {
                    Node normalized = AioForms.normalize(root, problems);
                    return new ConfigBinder(new Scalars(problems, environment), environment).bind(normalized);
                });
        if (problems.hasErrors() || config.isEmpty()) {
            List<Problem> errors = problems.hasErrors()
                    ? problems.errors()
                    : List.of(Problem.error("", 1, 1, "the configuration could not be read"));
            return new LoadResult.Failed(errors, problems.warnings());
        }
        return new LoadResult.Loaded(config.get(), problems.warnings());
    }

    /** The configuration, or a {@link ConfigException} with every error. */
    public ConnectorConfig loadOrThrow(Path file) {
        return load(file).orThrow();
    }

    private static LoadResult tooLarge(String size) {
        return new LoadResult.Failed(
                List.of(Problem.error(
                        "",
                        0,
                        0,
                        "the file is too large to be a configuration (" + size + ", at most "
                                + MAX_DOCUMENT_SIZE / (1024 * 1024) + " MiB); it was not read")),
                List.of());
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
