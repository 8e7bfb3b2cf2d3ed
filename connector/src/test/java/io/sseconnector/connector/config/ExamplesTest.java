package io.sseconnector.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The configurations under examples/ are what users copy: each must load without a problem. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleLoadsWithoutErrorsOrWarnings() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            LoadResult result = ConfigLoader.system().load(file);
            assertThat(result).as(file.toString()).isInstanceOf(LoadResult.Loaded.class);
            assertThat(((LoadResult.Loaded) result).warnings())
                    .as(file.toString())
                    .isEmpty();
        }
    }
}
