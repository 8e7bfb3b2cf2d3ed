package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.SseClientConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The connection options {@code tail} and {@code schema infer} share, parsed as each command parses them. */
class ConnectionOptionsTest {
    private static final String URL = "https://camera.example:8443/camera-events";

    private record Parsed(int exitCode, String stderr, SseClientConfig config) {}

    private static Parsed tail(String... args) {
        TailCommand tail = new TailCommand();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(tail)
                .registerConverter(Duration.class, new DurationConverter())
                .setErr(new PrintWriter(err, true));
        try {
            cli.parseArgs(args);
            return new Parsed(0, "", tail.clientConfig());
        } catch (CommandLine.ParameterException e) {
            return new Parsed(2, e.getMessage(), null);
        }
    }

    private static SseClientConfig schemaInfer(String... args) {
        SchemaCommand.Infer infer = new SchemaCommand.Infer();
        new CommandLine(infer)
                .registerConverter(Duration.class, new DurationConverter())
                .parseArgs(args);
        return infer.clientConfig();
    }

    @Test
    void headersTimeoutTlsAndProxyReachTheClientConfig() {
        Parsed parsed = tail(
                "-H",
                "Authorization: Bearer abc:def",
                "--header",
                "X-Site:  north ",
                "--connect-timeout",
                "3s",
                "--ca-file",
                "ca.pem",
                "--cert-file",
                "client.pem",
                "--key-file",
                "client.key",
                "--proxy",
                "proxy.local:3128",
                URL);

        SseClientConfig config = parsed.config();
        assertThat(config.headers())
                .containsExactly(Map.entry("Authorization", "Bearer abc:def"), Map.entry("X-Site", "north"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.tls().caFile()).isEqualTo(Path.of("ca.pem"));
        assertThat(config.tls().certFile()).isEqualTo(Path.of("client.pem"));
        assertThat(config.tls().keyFile()).isEqualTo(Path.of("client.key"));
        assertThat(config.tls().verifyHostname()).isTrue();
        assertThat(config.proxy().host()).isEqualTo("proxy.local");
        assertThat(config.proxy().port()).isEqualTo(3128);
    }

    @Test
    void schemaInferTakesTheSameOptions() {
        SseClientConfig config = schemaInfer("-H", "X-Key: k1", "--ca-file", "ca.pem", "--proxy", "[::1]:8888", URL);

        assertThat(config.headers()).containsExactly(Map.entry("X-Key", "k1"));
        assertThat(config.tls().caFile()).isEqualTo(Path.of("ca.pem"));
        assertThat(config.proxy().host()).isEqualTo("::1");
        assertThat(config.proxy().port()).isEqualTo(8888);
        assertThat(config.reconnect()).isFalse();
    }

    @Test
    void withoutTheOptionsTheDefaultsHold() {
        SseClientConfig config = tail(URL).config();

        assertThat(config.headers()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(SseClientConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(config.tls()).isEqualTo(SseClientConfig.Tls.DEFAULTS);
        assertThat(config.proxy()).isNull();
    }

    @Test
    void aHeaderWithoutAColonIsRejectedWithoutShowingItsValue() {
        Parsed parsed = tail("-H", "Authorization Bearer s3cret-token", URL);

        assertThat(parsed.exitCode()).isEqualTo(2);
        assertThat(parsed.stderr())
                .isEqualTo("--header must look like 'Name: value', was 'Authorization ...'")
                .doesNotContain("s3cret");
    }

    @Test
    void aProxyWithoutAPortIsRejected() {
        assertThat(tail("--proxy", "proxy.local", URL).stderr())
                .isEqualTo("--proxy must look like HOST:PORT, was 'proxy.local'");
        assertThat(tail("--proxy", "proxy.local:99999", URL).stderr())
                .isEqualTo("--proxy must look like HOST:PORT, was 'proxy.local:99999'");
    }
}
