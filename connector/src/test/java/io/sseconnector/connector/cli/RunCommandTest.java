package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sse-connector run -c FILE} refuses what {@code validate} refuses, before starting anything. */
class RunCommandTest {
    @TempDir
    Path dir;

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
