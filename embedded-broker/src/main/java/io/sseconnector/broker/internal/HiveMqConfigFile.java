package io.sseconnector.broker.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code config.xml} HiveMQ reads from its configuration folder. HiveMQ falls back to its
 * defaults (every interface, port 1883, usage statistics on) when the file does not parse, so the
 * text is kept minimal and written by one method the tests exercise.
 */
final class HiveMqConfigFile {
    static final String NAME = "config.xml";

    private HiveMqConfigFile() {}

    static Path write(Path folder, String host, int port, int maxQueuedMessages) throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <!-- Written by sse-connector at each start of the embedded broker; edits are overwritten. -->
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages>
                      <max-queue-size>%d</max-queue-size>
                      <strategy>discard-oldest</strategy>
                    </queued-messages>
                  </mqtt>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, escape(host), maxQueuedMessages);
        Path file = folder.resolve(NAME);
        Files.writeString(file, xml);
        return file;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
