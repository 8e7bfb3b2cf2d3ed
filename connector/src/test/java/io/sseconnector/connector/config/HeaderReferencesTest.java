package io.sseconnector.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.testing.RecordedRequest;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.BridgeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device header is read twice: at load (validate, the value kept as a secret) and by the SSE
 * client at each connect (so a rotated token file is picked up). Both readings follow one grammar,
 * so a {@code $${} written in the file reaches the device as a literal {@code ${}.
 */
class HeaderReferencesTest {
    @TempDir
    Path dir;

    @Test
    void anEscapedReferenceReachesTheDeviceAsWrittenAndAResolvedOneAsTheFilesContent() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "t0k3n\n");
        String yaml = """
                state: { dir: "%s" }
                devices:
                  - name: cam
                    endpoint: %s
                    headers: { X-Template: "literal $${file:%s} then ${file:%s}" }
                assets:
                  - name: cam-asset
                    device: cam
                    defaultDestinations: [ { target: File, configuration: { path: "%s" } } ]
                """;
        try (ScriptedSseServer device = ScriptedSseServer.start()) {
            device.setDefault(ScriptedResponse.sse().chunk(": hello\n\n").thenHang());
            ConnectorConfig config = ConfigLoader.system()
                    .parse(yaml.formatted(
                            dir.resolve("state"), device.url("/events"), token, token, dir.resolve("out.jsonl")))
                    .orThrow();
            assertThat(config.devices().get(0).headers().get("X-Template").value())
                    .isEqualTo("literal ${file:" + token + "} then t0k3n");

            try (Bridge bridge = BridgeFactory.create(config)) {
                bridge.start();
                RecordedRequest request = device.takeRequest(Duration.ofSeconds(10));

                assertThat(request).isNotNull();
                assertThat(request.header("X-Template")).isEqualTo("literal ${file:" + token + "} then t0k3n");
            }
        }
    }
}
