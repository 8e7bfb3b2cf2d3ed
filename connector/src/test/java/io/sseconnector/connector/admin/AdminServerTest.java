package io.sseconnector.connector.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.BridgeFactory;
import io.sseconnector.connector.config.ConfigEnvironment;
import io.sseconnector.connector.config.ConfigLoader;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.testing.LogCapture;
import io.sseconnector.server.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin server as {@code run} starts it from the {@code server} section, over real loopback
 * HTTP: where it listens by default, which endpoints need the bearer token, and what {@code
 * /schemas} shows of the payloads.
 */
class AdminServerTest {
    private static final String TOKEN = "4dm1n-t0ken-0123456789abcdef";
    /** A value only the payloads hold: it must not leave through /schemas unless asked for. */
    private static final String PAYLOAD_VALUE = "leak-at-valve-7";

    private static final int EVENTS = 25; // more than InferenceLimits.DEFAULTS.minEnumSamples()

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private ScriptedSseServer device;
    private Bridge bridge;
    private HttpServer admin;
    private LogCapture logs;

    @BeforeEach
    void startDevice() {
        logs = LogCapture.open();
    }

    @AfterEach
    void stopAll() {
        if (admin != null) {
            admin.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (device != null) {
            device.close();
        }
        http.shutdownNow();
        logs.close();
    }

    /** The bridge of one device that sends {@link #EVENTS} JSON events, and its admin server. */
    private void start(String server) throws Exception {
        device = ScriptedSseServer.start();
        StringBuilder events = new StringBuilder();
        for (int i = 1; i <= EVENTS; i++) {
            events.append("event: ALERT\nid: ")
                    .append(i)
                    .append("\ndata: {\"where\":\"")
                    .append(PAYLOAD_VALUE)
                    .append("\",\"flow\":")
                    .append(40 + i)
                    .append("}\n\n");
        }
        device.setDefault(ScriptedResponse.sse().chunk(events.toString()).thenHang());
        String yaml = """
                state: { dir: "%s" }
                %s
                devices: [ { name: cam, endpoint: "%s" } ]
                assets:
                  - name: cam-asset
                    device: cam
                    events:
                      - { name: ALERT, eventNotifier: ALERT, destinations: [ { target: File, configuration: { path: "%s" } } ] }
                """.formatted(dir.resolve("state"), server, device.url("/events"), dir.resolve("out.jsonl"));
        ConnectorConfig config = ConfigLoader.with(ConfigEnvironment.of(Map.of("ADMIN_TOKEN", TOKEN), "box"))
                .parse(yaml)
                .orThrow();
        bridge = BridgeFactory.create(config);
        bridge.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> bridge.stats().snapshot().delivered() == EVENTS);
        admin = AdminServer.start(config.server().orElseThrow(), bridge);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAHostItListensOnLoopbackOnly() throws Exception {
        start("server: { port: 0 }");

        assertThat(admin.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(get("/stats", null).statusCode()).isEqualTo(200);
    }

    @Test
    void statsSchemasAndMetricsNeedTheTokenWhileHealthAndReadyStayOpen() throws Exception {
        start("server: { port: 0, auth: { token: \"${env:ADMIN_TOKEN}\" } }");

        for (String path : new String[] {"/stats", "/schemas", "/metrics"}) {
            HttpResponse<String> missing = get(path, null);
            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .hasValue("Bearer realm=\"sse-connector admin\"");
            assertThat(missing.body()).doesNotContain("received");

            HttpResponse<String> wrong = get(path, "Bearer " + TOKEN.substring(1) + "x");
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .hasValue("Bearer realm=\"sse-connector admin\", error=\"invalid_token\"");

            assertThat(get(path, "Basic " + TOKEN).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Bearer " + TOKEN).statusCode()).as(path).isEqualTo(200);
            assertThat(get(path, "bearer  " + TOKEN).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/stats", "Bearer " + TOKEN).body()).contains("\"delivered\":" + EVENTS);
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/ready", null).statusCode()).isIn(200, 503);
        assertThat(String.join("\n", logs.lines())).doesNotContain(TOKEN);
    }

    @Test
    void schemasShowNoPayloadValuesUnlessAskedFor() throws Exception {
        start("server: { port: 0 }");

        String shape = get("/schemas", null).body();
        String withSamples = get("/schemas?samples=true", null).body();

        assertThat(shape)
                .contains("\"where\":{\"type\":\"string\"}")
                .contains("\"flow\":{\"type\":\"integer\"}")
                .doesNotContain(PAYLOAD_VALUE)
                .doesNotContain("\"enum\"")
                .doesNotContain("\"minimum\"")
                .doesNotContain("\"maximum\"");
        assertThat(withSamples)
                .contains("\"enum\":[\"" + PAYLOAD_VALUE + "\"]")
                .contains("\"minimum\":41")
                .contains("\"maximum\":" + (40 + EVENTS));
    }
}
