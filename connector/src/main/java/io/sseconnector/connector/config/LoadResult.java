package io.sseconnector.connector.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What {@link ConfigLoader} read: a configuration, or every error found (never only the first). */
public sealed interface LoadResult permits LoadResult.Loaded, LoadResult.Failed {
    /** Values that were replaced by a default (tuning mistakes), in file order. */
    List<Problem> warnings();

    /** Errors and warnings together, in file order. */
    List<Problem> problems();

    /** The configuration, or a {@link ConfigException} carrying every error. */
    ConnectorConfig orThrow();

    /** The file is valid. */
    record Loaded(ConnectorConfig config, List<Problem> warnings) implements LoadResult {
        public Loaded {
            Objects.requireNonNull(config, "config");
            warnings = List.copyOf(warnings);
        }

        @Override
        public List<Problem> problems() {
            return warnings;
        }

        @Override
        public ConnectorConfig orThrow() {
            return config;
        }
    }

    /** The file is not valid; {@code errors} is never empty. */
    record Failed(List<Problem> errors, List<Problem> warnings) implements LoadResult {
        public Failed {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed load has at least one error");
            }
        }

        @Override
        public List<Problem> problems() {
            List<Problem> all = new ArrayList<>(errors);
            all.addAll(warnings);
            all.sort(Problem.BY_POSITION);
            return List.copyOf(all);
        }

        @Override
        public ConnectorConfig orThrow() {
            throw new ConfigException(errors);
        }
    }
}
