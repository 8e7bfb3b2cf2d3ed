package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bin/sse-connector} as a user runs it: the shaded jar, a real process, real exit codes. */
class BinScriptIT {
    private static final Path SCRIPT =
            Path.of("..", "bin", "sse-connector").toAbsolutePath().normalize();

    private ScriptedSseServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = ScriptedSseServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    record Run(int exitCode, String stdout, String stderr) {}

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile("tail-out", ".txt");
        Path err = Files.createTempFile("tail-err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sse-connector did not stop within 60 s: " + command);
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("tail");
    }

    @Test
    void tailPrintsExactlyOneJsonObjectPerEventAndNothingElse() throws Exception {
        server.enqueue(ScriptedResponse.sse()
                .chunk(": hello\n\nevent: HEARTBEAT\nid: 1\ndata: {\"type\":\"HEARTBEAT\"}\n\n")
                .chunk("retry: 1000\ndata: second\n\n")
                .thenHang());
        Run run = run(
                "tail",
                "--format",
                "jsonl",
                "--max-events",
                "2",
                server.url("/camera-events").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .isEqualTo("{\"event\":\"HEARTBEAT\",\"data\":\"{\\\"type\\\":\\\"HEARTBEAT\\\"}\",\"id\":\"1\"}\n"
                        + "{\"event\":\"message\",\"data\":\"second\",\"id\":\"1\",\"retry\":1000}\n");
    }

    @Test
    void tailExitsNonZeroWithOneLineOnAFatalStatus() throws Exception {
        server.setDefault(ScriptedResponse.status(404));
        Run run = run("tail", "--format", "jsonl", server.url("/missing").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().strip().lines()).hasSize(1).first().asString().contains("404");
    }

    /**
     * {@code run -c} on a bad file starts nothing and prints validate's problem lines (it prints
     * them on stderr, validate on stdout; each then closes with its own summary line).
     */
    @Test
    void runOnABadConfigExitsOneWithTheProblemsValidatePrints() throws Exception {
        String file = Path.of("src/test/resources/config/every-error.yaml").toString();
        Run validate = run("validate", "-c", file);
        Run run = run("run", "-c", file);

        List<String> problems = validate.stdout().lines().toList();
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(problems).hasSizeGreaterThan(2).last().asString().startsWith("invalid: ");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines().toList())
                .containsExactlyElementsOf(concat(
                        problems.subList(0, problems.size() - 1),
                        "sse-connector run: " + file + " is invalid (20 error(s)); nothing was started"));
    }

    private static List<String> concat(List<String> lines, String last) {
        List<String> all = new ArrayList<>(lines);
        all.add(last);
        return all;
    }

    @Test
    void tailExitsZeroWhenTheServerSaysNoContent() throws Exception {
        server.setDefault(ScriptedResponse.status(204));
        Run run = run("tail", server.url("/").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
