package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sse-connector run -c FILE} in-process on files that cannot run: exit 1, nothing started,
 * and the same problem lines as {@code validate -c FILE} (on stderr rather than stdout, then run's
 * own summary line).
 */
class RunCommandTest {
    private static final Path EVERY_ERROR = Path.of("src/test/resources/config/every-error.yaml");

    @TempDir
    Path dir;

    private record Result(int exit, List<String> out, List<String> err) {}

    /** Both commands as {@code bin/sse-connector} runs them: the same loader, the same environment. */
    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.newCommandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Result(
                exit, out.toString().lines().toList(), err.toString().lines().toList());
    }

    private static void assertRunPrintsValidatesProblems(Path file, int errors) {
        Result validate = execute("validate", "-c", file.toString());
        Result run = execute("run", "-c", file.toString());

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.out()).last().asString().startsWith("invalid: " + errors + " error");
        List<String> problems = validate.out().subList(0, validate.out().size() - 1);
        assertThat(problems).hasSizeGreaterThanOrEqualTo(errors);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().subList(0, run.err().size() - 1)).isEqualTo(problems);
        assertThat(run.err())
                .last()
                .isEqualTo("sse-connector run: " + file + " is invalid (" + errors + " error(s)); nothing was started");
    }

    @Test
    void everyProblemOfAnInvalidFileIsPrintedAsValidatePrintsIt() {
        assertRunPrintsValidatesProblems(EVERY_ERROR, 20);
    }

    @Test
    void aYamlSyntaxErrorIsPrintedAsValidatePrintsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "mqtt:\n  url: [tcp://127.0.0.1:1883\ndevices: []\n");

        assertRunPrintsValidatesProblems(file, 1);
    }

    /** validate names itself before a problem with the file itself; the problem text is the same. */
    @Test
    void aMissingFileIsTheSameProblemAsInValidate() {
        Path file = dir.resolve("no-such.yaml");
        Result validate = execute("validate", "-c", file.toString());
        Result run = execute("run", "-c", file.toString());

        String problem = file + ": cannot read the file (no such file)";
        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.err()).containsExactly("sse-connector validate: " + problem);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .containsExactly(
                        problem, "sse-connector run: " + file + " is invalid (1 error(s)); nothing was started");
    }

    @Test
    void tlsSettingsOnATcpBrokerStopRunWithTheProblemAtItsPath() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "CA");
        Path file = Files.writeString(dir.resolve("bridge.yaml"), """
                mqtt:
                  url: tcp://127.0.0.1:1883
                  tls: { caFile: "%s" }
                devices: [ { name: cam, endpoint: "http://127.0.0.1:9/events" } ]
                assets: [ { name: a, device: cam, defaultDestinations: [ { target: Mqtt, configuration: { topic: t } } ] } ]
                """.formatted(ca));
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new RunCommand())
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err))
                .execute("-c", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains(file + ":3:8: mqtt.tls: tls applies to mqtts:// brokers, but url is tcp://127.0.0.1:1883")
                .contains("is invalid (1 error(s)); nothing was started");
    }
}
