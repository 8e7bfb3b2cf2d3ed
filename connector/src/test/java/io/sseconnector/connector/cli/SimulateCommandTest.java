package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sseconnector.connector.simulator.CameraSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sse-connector simulate camera} in-process: flags, environment, the banner, stopping. */
class SimulateCommandTest {
    private static final Pattern LISTENING =
            Pattern.compile("analytics-camera-001 streaming on (http://127\\.0\\.0\\.1:\\d+/camera-events)");

    /** The settings the command would run with, for these arguments and this environment. */
    private static CameraSettings settings(Map<String, String> env, String... args) {
        CommandLine cli = Main.newCommandLine();
        String[] full = new String[args.length + 2];
        full[0] = "simulate";
        full[1] = "camera";
        System.arraycopy(args, 0, full, 2, args.length);
        CommandLine.ParseResult parsed = cli.parseArgs(full);
        SimulateCommand.Camera camera = (SimulateCommand.Camera)
                parsed.subcommand().subcommand().commandSpec().userObject();
        camera.environment = env;
        return camera.settings();
    }

    @Test
    void flagsSetEverySetting() {
        CameraSettings settings = settings(
                Map.of(),
                "--host",
                "127.0.0.1",
                "--port",
                "9001",
                "--device-id",
                "cam-01",
                "--heartbeat-interval",
                "500ms",
                "--alert-probability",
                "0.4",
                "--history",
                "50",
                "--rate",
                "1000",
                "--seed",
                "7",
                "--devices",
                "3",
                "--disconnect-every",
                "100",
                "--stall-after",
                "200",
                "--keep-alive",
                "2s",
                "--subscriber-buffer",
                "65536");

        assertThat(settings)
                .isEqualTo(new CameraSettings(
                        "127.0.0.1",
                        9001,
                        "cam-01",
                        Duration.ofMillis(500),
                        0.4,
                        50,
                        1000,
                        7L,
                        3,
                        100,
                        200,
                        Duration.ofSeconds(2),
                        65536));
    }

    @Test
    void noFlagsGiveTheSeedsDefaults() {
        assertThat(settings(Map.of())).isEqualTo(CameraSettings.DEFAULTS);
    }

    @Test
    void environmentSetsDefaultsAndFlagsOverrideThem() {
        Map<String, String> env =
                Map.of("PORT", "7000", "DEVICE_ID", "env-cam", "HEARTBEAT_INTERVAL", "3", "ALERT_PROBABILITY", "0.3");

        CameraSettings fromEnv = settings(env);
        CameraSettings overridden = settings(env, "--port", "7001", "--heartbeat-interval", "1s");

        assertThat(fromEnv.port()).isEqualTo(7000);
        assertThat(fromEnv.deviceId()).isEqualTo("env-cam");
        assertThat(fromEnv.heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(fromEnv.alertProbability()).isEqualTo(0.3);
        assertThat(overridden.port()).isEqualTo(7001);
        assertThat(overridden.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(overridden.deviceId()).isEqualTo("env-cam");
    }

    @Test
    void invalidEnvironmentOrFlagIsAUsageError() {
        assertThatThrownBy(() -> settings(Map.of("PORT", "http")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("PORT='http'");
        assertThatThrownBy(() -> settings(Map.of(), "--alert-probability", "2"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("alert probability must be between 0 and 1");

        StringWriter err = new StringWriter();
        int exit = Main.newCommandLine()
                .setErr(new PrintWriter(err, true))
                .execute("simulate", "camera", "--heartbeat-interval", "soon");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void printsWhereItListensServesAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.newCommandLine().setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform()
                .start(() -> exit.complete(cli.execute(
                        "simulate", "camera", "--host", "127.0.0.1", "--port", "0", "--rate", "100", "--seed", "1")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> LISTENING.matcher(out.toString()).find());
        Matcher matcher = LISTENING.matcher(out.toString());
        assertThat(matcher.find()).isTrue();
        URI events = URI.create(matcher.group(1));
        assertThat(out.toString())
                .contains("curl -N " + events)
                .contains("bin/sse-connector tail " + events)
                .contains("Ctrl-C stops it.");

        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(events.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            client.shutdownNow();
        }

        runner.interrupt();
        assertThat(exit.get()).isZero();
        assertThatThrownBy(() -> new Socket(events.getHost(), events.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void portInUseIsAOneLineErrorAndExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int exit = Main.newCommandLine()
                    .setErr(new PrintWriter(err, true))
                    .execute(
                            "simulate",
                            "camera",
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(taken.getLocalPort()));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip())
                    .startsWith("sse-connector simulate camera: ")
                    .contains("127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\n");
        }
    }

    @Test
    void simulateWithoutASubcommandPrintsUsage() {
        StringWriter out = new StringWriter();
        int exit = Main.newCommandLine().setOut(new PrintWriter(out, true)).execute("simulate");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("camera");
    }
}
