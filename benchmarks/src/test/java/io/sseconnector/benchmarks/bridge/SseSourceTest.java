package io.sseconnector.benchmarks.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseSourceTest {
    @Test
    void writesWhatTheHarnessWritesToTheDevicesStream() throws Exception {
        try (SseSource source = new SseSource()) {
            URI endpoint = source.endpoint("cam-1");
            try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + endpoint.getPath() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                source.awaitConnected(List.of("cam-1"), Duration.ofSeconds(10));
                source.stream("cam-1").write("id: 1\ndata: x\n\n".getBytes(StandardCharsets.UTF_8));
                source.stream("cam-1").close();

                InputStream in = socket.getInputStream();
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                in.transferTo(body);
                String text = body.toString(StandardCharsets.UTF_8);
                assertThat(text).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: text/event-stream\r\n");
                assertThat(text).endsWith("\r\n\r\n: ready\n\nid: 1\ndata: x\n\n");
            }
            assertThat(source.reconnects()).isZero();
        }
    }
}
