package io.sseconnector.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sseconnector.client.References;
import io.sseconnector.client.SseClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderValuesTest {
    private final HeaderValues values =
            new HeaderValues(References.Lookup.of(name -> name.equals("TOKEN") ? "t0k3n" : null));

    @Test
    void plainValuesPassUnchanged() {
        assertThat(values.resolve("X", "no references, $ and {} alone")).isEqualTo("no references, $ and {} alone");
    }

    @Test
    void environmentReferencesAreReplacedInPlace() {
        assertThat(values.resolve("Authorization", "Bearer ${env:TOKEN}")).isEqualTo("Bearer t0k3n");
        assertThat(values.resolve("X", "${env:TOKEN}-${env:TOKEN}")).isEqualTo("t0k3n-t0k3n");
    }

    @Test
    void fileReferencesReadTheFileWithoutTrailingNewlines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "s3cr3t\r\n");

        assertThat(values.resolve("X", "k=${file:" + file + "}")).isEqualTo("k=s3cr3t");
    }

    @Test
    void aDoubledDollarWritesALiteralReference() {
        assertThat(values.resolve("X", "$${env:TOKEN} and ${env:TOKEN}")).isEqualTo("${env:TOKEN} and t0k3n");
    }

    @Test
    void unknownAndUnclosedReferencesAreErrorsNamingTheHeader() {
        assertThatThrownBy(() -> values.resolve("X", "${other:x}"))
                .isInstanceOf(SseClientException.class)
                .hasMessageStartingWith("header X: unknown reference '${other:x}'");
        assertThatThrownBy(() -> values.resolve("X", "a ${env:TOKEN"))
                .isInstanceOf(SseClientException.class)
                .hasMessageStartingWith("header X: '${' is not closed");
    }

    @Test
    void aMissingVariableIsNamedWithTheHeader() {
        assertThatThrownBy(() -> values.resolve("Authorization", "Bearer ${env:NOPE}"))
                .isInstanceOf(SseClientException.class)
                .hasMessage("header Authorization: environment variable NOPE is not set");
    }

    @Test
    void aMissingFileIsNamedWithTheHeader(@TempDir Path dir) {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> values.resolve("X-Key", "${file:" + missing + "}"))
                .isInstanceOf(SseClientException.class)
                .hasMessageContaining("header X-Key")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void resolvesEveryHeaderInOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("B", "${env:TOKEN}");
        headers.put("A", "plain");

        assertThat(values.resolve(headers)).containsExactly(Map.entry("B", "t0k3n"), Map.entry("A", "plain"));
    }
}
