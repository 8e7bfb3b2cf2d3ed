package io.sseconnector.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.cli.ValidateCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A value read from ${file:} or ${env:} never shows in a problem, a toString or validate's output. */
class SecretsTest {
    private static final String SECRET = "hunter2-top-secret";

    @TempDir
    Path dir;

    private Path passwordFile;
    private ConfigEnvironment environment;

    @BeforeEach
    void writeSecrets() throws IOException {
        passwordFile = Files.writeString(dir.resolve("mqtt-password"), SECRET + "\n");
        Files.writeString(dir.resolve("token"), "token-" + SECRET);
        Files.writeString(dir.resolve("pattern"), "(" + SECRET);
        environment = ConfigEnvironment.of(Map.of("SECRET_ENV", SECRET), "edge-box");
    }

    private String valid() {
        return """
                mqtt: { url: "tcp://broker:1883", username: bridge, password: "${file:%s}" }
                devices:
                  - name: cam
                    endpoint: http://cam/events
                    headers: { Authorization: "Bearer ${file:%s}", X-Literal: "%s" }
                server: { port: 8090 }
                channels:
                  - id: alerts
                    subscribe: { auth: { headers: { X-Key: { type: equals, value: "${env:SECRET_ENV}" } } } }
                assets: [ { name: a, device: cam, defaultDestinations: [ { target: Sse, configuration: { channel: alerts } } ] } ]
                """.formatted(passwordFile, dir.resolve("token"), SECRET);
    }

    /** Every field that parses its value gets the secret: each error must describe it without it. */
    private String invalid() {
        String file = "${file:" + passwordFile + "}";
        return """
                mqtt: { url: "%1$s", version: "%1$s", keepAlive: "%1$s", password: "%1$s", clientId: "${env:NOPE}" }
                stats: { interval: "${env:SECRET_ENV}" }
                devices:
                  - name: "%1$s"
                    endpoint: "%1$s"
                    maxEventSize: "%1$s"
                    buffer: { overflow: "%1$s" }
                server: { port: "%1$s" }
                channels:
                  - id: alerts
                    subscribe: { auth: { headers: { X-Key: { type: regex, value: "${file:%2$s}" } } } }
                """.formatted(file, dir.resolve("pattern"));
    }

    @Test
    void aSecretIsResolvedAtLoadAndHiddenInToString() {
        ConnectorConfig config = ConfigLoader.with(environment).parse(valid()).orThrow();

        Secret password = config.mqtt().orElseThrow().password().orElseThrow();
        assertThat(password.value()).isEqualTo(SECRET); // the file's line break is dropped
        assertThat(password).hasToString("${file:" + passwordFile + "}");
        assertThat(config.devices().get(0).headers().get("Authorization").value())
                .isEqualTo("Bearer token-" + SECRET);
        assertThat(config.devices().get(0).headers().get("X-Literal")).hasToString("****");
        assertThat(config.toString()).doesNotContain(SECRET);
    }

    @Test
    void noProblemMessageHoldsASecret() {
        LoadResult result = ConfigLoader.with(environment).parse(invalid());

        assertThat(result.problems()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain(SECRET));
        assertThat(TestConfigs.lines(result))
                .contains(
                        "f:1:14: mqtt.url: the value of '${file:" + passwordFile
                                + "}' must be tcp://host:port, mqtts://host:port or embedded",
                        "f:2:20: stats.interval: the value of '${env:SECRET_ENV}' is not a duration; write it like"
                                + " 500ms, 5s, 1m or 2h");
    }

    @Test
    void validateNeverPrintsASecret() throws IOException {
        for (String yaml : new String[] {valid(), invalid()}) {
            Path file = Files.writeString(dir.resolve("config.yaml"), yaml);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new ValidateCommand(ConfigLoader.with(environment)))
                    .setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err))
                    .execute("-c", file.toString());

            assertThat(exit).isIn(0, 1);
            assertThat(out.toString()).isNotEmpty().doesNotContain(SECRET);
            assertThat(err.toString()).doesNotContain(SECRET);
        }
    }
}
