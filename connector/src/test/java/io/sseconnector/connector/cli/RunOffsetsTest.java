package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} in-process, for what it refuses before anything starts: unreadable offsets, an
 * unknown device in {@code --reset-offsets}. ({@code RunResetOffsetsIT} runs the bridge it starts.)
 */
class RunOffsetsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RunCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path config() throws IOException {
        return Files.writeString(
                dir.resolve("bridge.yaml"), """
                state:
                  dir: %s
                devices:
                  - name: cam-1
                    endpoint: http://127.0.0.1:9/events
                  - name: cam-2
                    endpoint: http://127.0.0.1:9/events
                assets:
                  - name: cams
                    device: cam-1
                    events:
                      - name: all
                        eventNotifier: "*"
                        destinations:
                          - { target: File, configuration: { path: %s } }
                """.formatted(dir.resolve("state"), dir.resolve("events.jsonl")));
    }

    @Test
    void unreadableOffsetsAreOneLineOnStderrExitOneAndNothingStarts() throws IOException {
        Path config = config();
        Path offsets = Files.createDirectories(dir.resolve("state")).resolve("offsets.json");
        Files.writeString(offsets, "{\"cam-1\":");

        Run run = run("-c", config.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("sse-connector run: cannot read the stored offsets " + offsets + ": not valid JSON")
                        .contains("offsets.prev.json does not exist")
                        .contains("--reset-offsets all")
                        .endsWith("; nothing was started"));
        assertThat(Files.readString(offsets)).isEqualTo("{\"cam-1\":");
        assertThat(dir.resolve("events.jsonl")).doesNotExist();
    }

    @Test
    void aResetOfADeviceThatIsNotConfiguredIsAnError() throws IOException {
        Path config = config();

        Run run = run("-c", config.toString(), "--reset-offsets", "cam-1,cam-9", "--reset-offsets", "cam-8");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("sse-connector run: --reset-offsets: no device named cam-8, cam-9 in " + config
                        + " (its devices: cam-1, cam-2; or 'all'); nothing was started" + System.lineSeparator());
        assertThat(dir.resolve("state/offsets.json")).doesNotExist();
    }

    @Test
    void helpDocumentsTheReset() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("--reset-offsets=DEVICE|all")
                .contains("starts without Last-Event-ID")
                .contains("offsets.prev.json");
    }
}
