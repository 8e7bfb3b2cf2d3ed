package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.RecordedRequest;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sse-connector schema infer} in-process against a scripted SSE server on loopback. */
class SchemaCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScriptedSseServer server;

    record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            return JSON.readTree(stdout);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSseServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli =
                Main.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 2];
        full[0] = "schema";
        full[1] = "infer";
        System.arraycopy(args, 0, full, 2, args.length);
        int exit = cli.execute(full);
        return new Result(exit, out.toString(), err.toString());
    }

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    private static String cameraStream(int heartbeats, int alerts) {
        StringBuilder stream = new StringBuilder(": camera\n\n");
        for (int i = 0; i < Math.max(heartbeats, alerts); i++) {
            if (i < heartbeats) {
                stream.append(event("HEARTBEAT", "{\"type\":\"HEARTBEAT\",\"timestamp\":" + (1000 + i) + "}"));
            }
            if (i < alerts) {
                stream.append(event(
                        "ALERT",
                        "{\"type\":\"ALERT\",\"timestamp\":" + (2000 + i) + ",\"message\":\"leak\",\"event_id\":" + i
                                + (i % 2 == 0 ? ",\"zone\":\"A\"" : "") + "}"));
            }
        }
        return stream.toString();
    }

    @Test
    void printsOneSchemaPerEventType() {
        server.enqueue(ScriptedResponse.sse().chunk(cameraStream(30, 25)));

        Result result = run(server.url("/events").toString());

        assertThat(result.exitCode()).isZero();
        JsonNode schemas = result.json();
        assertThat(schemas.propertyNames()).containsExactly("ALERT", "HEARTBEAT");
        JsonNode heartbeat = schemas.get("HEARTBEAT");
        assertThat(heartbeat.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(heartbeat.get("title").stringValue()).isEqualTo("HEARTBEAT");
        assertThat(heartbeat.at("/properties/timestamp/minimum").intValue()).isEqualTo(1000);
        assertThat(heartbeat.at("/properties/type/enum/0").stringValue()).isEqualTo("HEARTBEAT");
        JsonNode alert = schemas.get("ALERT");
        assertThat(alert.get("required"))
                .extracting(JsonNode::stringValue)
                .containsExactly("type", "timestamp", "message", "event_id");
        assertThat(alert.at("/properties/zone/type").stringValue()).isEqualTo("string");
        assertThat(result.stdout()).startsWith("{\n").contains("\n  \"HEARTBEAT\" : {");
        assertThat(result.stderr()).isEqualTo("read 55/100 events (2 types)" + System.lineSeparator());
    }

    @Test
    void stopsAfterTheRequestedNumberOfEvents() {
        server.enqueue(ScriptedResponse.sse().chunk(cameraStream(10, 10)).thenHang());

        Result result = run("--events", "5", server.url("/events").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).startsWith("read 5/5 events (2 types)");
        assertThat(result.json().at("/HEARTBEAT/description").stringValue())
                .isEqualTo("Inferred from 3 JSON payloads.");
        assertThat(result.json().at("/ALERT/description").stringValue()).isEqualTo("Inferred from 2 JSON payloads.");
    }

    @Test
    void typeFilterSkipsOtherTypesAndHeadersAreSent() throws Exception {
        server.enqueue(ScriptedResponse.sse().chunk(cameraStream(10, 4)).thenHang());

        Result result = run(
                "--types",
                "ALERT",
                "--events",
                "4",
                "-H",
                "Authorization: Bearer t0k",
                server.url("/events").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().propertyNames()).containsExactly("ALERT");
        RecordedRequest request = server.takeRequest();
        assertThat(request.header("Authorization")).isEqualTo("Bearer t0k");
    }

    @Test
    void durationStopsAndPrintsWhatWasRead() {
        server.enqueue(ScriptedResponse.sse().chunk(cameraStream(3, 0)).thenHang());

        Result result = run("--duration", "500ms", server.url("/events").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).startsWith("read 3/100 events (1 type)");
        assertThat(result.json().propertyNames()).containsExactly("HEARTBEAT");
    }

    @Test
    void nonJsonPayloadsGivePlainTextSchemas() {
        server.enqueue(ScriptedResponse.sse().chunk(event("LOG", "disk almost full") + event("LOG", "ok")));

        Result result = run(server.url("/events").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().at("/LOG/type").stringValue()).isEqualTo("string");
        assertThat(result.json().at("/LOG/contentMediaType").stringValue()).isEqualTo("text/plain");
    }

    @Test
    void emptyStreamPrintsAnEmptyDocument() {
        server.enqueue(ScriptedResponse.sse());

        Result result = run(server.url("/events").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().trim()).isEqualTo("{ }");
        assertThat(result.stderr()).startsWith("read 0/100 events (0 types)");
    }

    @Test
    void fatalStatusExitsOneWithOneLine() {
        server.enqueue(ScriptedResponse.status(401));

        Result result = run(server.url("/events").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .startsWith("sse-connector schema infer: ")
                .contains("401");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("--events", "0", server.url("/events").toString()).exitCode())
                .isEqualTo(2);
        assertThat(run("-H", "NoColon secret", server.url("/events").toString()))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.stderr()).contains("'NoColon ...'").doesNotContain("secret"));
        assertThat(run("ftp://127.0.0.1/x").exitCode()).isEqualTo(2);
    }
}
