package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.config.ConfigEnvironment;
import io.sseconnector.connector.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sse-connector validate -c FILE} in-process: exit codes and the lines it prints. */
class ValidateCommandTest {
    private static final Path DIR = Path.of("src/test/resources/config");
    private static final ConfigEnvironment ENV = ConfigEnvironment.of(
            Map.of("MQTT_USER", "u", "CAMERA_TOKEN", "c", "DASHBOARD_TOKEN", "d", "PUBLISH_TOKEN", "p"),
            Map.of(
                    "/run/secrets/mqtt-password", "pw",
                    "/etc/sse-connector/ca.pem", "CA",
                    "/etc/sse-connector/client.pem", "CERT",
                    "/etc/sse-connector/client.key", "KEY"),
            "edge-box");

    private record Run(int exit, List<String> out, String err) {}

    private static Run validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ValidateCommand(ConfigLoader.with(ENV)))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        List<String> lines = out.toString().lines().toList();
        return new Run(exit, lines, err.toString());
    }

    @Test
    void aValidFileExitsZeroWithASummary() {
        Run run = validate("-c", DIR.resolve("seed-camera.yaml").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsExactly("ok: 1 device, 1 asset, 5 routes (5 Mqtt); broker tcp://127.0.0.1:1883");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void warningsArePrintedAndDoNotFail(@TempDir Path dir) throws Exception {
        String design = Files.readString(DIR.resolve("design-example.yaml"));
        Path file = Files.writeString(dir.resolve("open.yaml"), design.replace("server:", "server:\n  host: 0.0.0.0"));
        Run run = validate("--config", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .containsExactly(
                        file + ":37:9: server.host: warning: host 0.0.0.0 serves /stats, /schemas and /metrics to"
                                + " other machines to anyone who asks; set server.auth.token (e.g."
                                + " \"${env:ADMIN_TOKEN}\") to require a bearer token",
                        "ok: 1 device, 1 asset, 2 routes (2 Mqtt, 1 Sse); broker mqtts://127.0.0.1:8883;"
                                + " hub 0.0.0.0:8090, 1 channel");
    }

    @Test
    void theHubListensOnLoopbackWhenNoHostIsWritten() {
        Run run = validate("-c", DIR.resolve("design-example.yaml").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .containsExactly("ok: 1 device, 1 asset, 2 routes (2 Mqtt, 1 Sse); broker mqtts://127.0.0.1:8883;"
                        + " hub 127.0.0.1:8090, 1 channel");
    }

    @Test
    void everyProblemIsPrintedOnItsOwnLineAndTheExitIsOne() {
        Path file = DIR.resolve("every-error.yaml");
        Run run = validate("-c", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).hasSize(22);
        assertThat(run.out().get(0))
                .isEqualTo(file + ":2:8: mqtt.url: 'http://broker:1883' must be tcp://host:port, mqtts://host:port"
                        + " or embedded");
        assertThat(run.out().subList(0, 21))
                .allSatisfy(line -> assertThat(line).matches("\\Q" + file + "\\E:\\d+:\\d+: [\\w\\[\\].-]+: .+"));
        assertThat(run.out().get(21)).isEqualTo("invalid: 20 errors, 1 warning");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aMissingFileIsOneLineOnStderrAndExitOne() {
        Path file = DIR.resolve("no-such.yaml");
        Run run = validate("-c", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("sse-connector validate: " + file + ": cannot read the file (no such file)"
                        + System.lineSeparator());
    }

    @Test
    void aMissingOptionIsAUsageError() {
        Run run = validate();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--config=FILE'");
    }

    @Test
    void helpDescribesTheOutputAndExitCodes() {
        Run run = validate("--help");

        assertThat(run.exit()).isZero();
        assertThat(String.join("\n", run.out()))
                .contains("FILE:LINE:COL: PATH: message")
                .contains("${env:NAME} and ${file:PATH}")
                .contains("Exit status: 0 when the file is valid");
    }
}
