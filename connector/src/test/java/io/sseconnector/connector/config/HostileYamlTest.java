package io.sseconnector.connector.config;

import static io.sseconnector.connector.config.TestConfigs.lines;
import static io.sseconnector.connector.config.TestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to exhaust the reader fail fast with one clear error: alias bombs, deep nesting, huge
 * files. Each would hang or run out of memory if the reader expanded it.
 */
class HostileYamlTest {
    /** Far more than any of these needs when refused early; far less than expanding them takes. */
    private static final Duration FAST = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static LoadResult parseFast(String yaml) {
        return assertTimeoutPreemptively(FAST, () -> parse(yaml));
    }

    @Test
    void theBillionLaughsFileIsRefusedNamingAliases() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append('a')
                    .append(level)
                    .append(": &a")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(9, previous)))
                    .append("]\n");
        }

        LoadResult result = parseFast(yaml.toString());

        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        assertThat(lines(result)).hasSize(1);
        assertThat(lines(result).get(0)).contains("alias").contains("write the values out");
    }

    @Test
    void aWideAliasBombIsRefusedBeforeItExpands() {
        // 100 KB of text that expands to 90 million values: no single alias exceeds Jackson's caps.
        String anchor = String.join(",", Collections.nCopies(3_000, "x"));
        String references = String.join(",", Collections.nCopies(30_000, "*a"));

        LoadResult result = parseFast("a: &a [" + anchor + "]\nb: [" + references + "]\n");

        assertThat(lines(result))
                .singleElement()
                .asString()
                .contains(": b[") // under b, at the place of the anchor the alias repeats
                .contains("the document expands to more than 200000 values, refused before it exhausts memory")
                .contains("billion laughs");
    }

    @Test
    void deepNestingIsRefusedWithItsDepth() {
        String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";

        LoadResult result = parseFast(yaml);

        assertThat(lines(result)).singleElement().asString().contains("nested more than 64 deep");
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat(ConfigLoader.MAX_DOCUMENT_SIZE) + "\n");

        LoadResult result =
                assertTimeoutPreemptively(FAST, () -> ConfigLoader.system().load(big));

        assertThat(lines(result))
                .containsExactly("f: the file is too large to be a configuration (" + Files.size(big)
                        + " bytes, at most 2 MiB); it was not read");
    }
}
