package io.sseconnector.benchmarks;

import io.sseconnector.benchmarks.harness.HarnessRunner;

/**
 * The loopback client harness: events/s, MB/s and bytes allocated per event for our client, its
 * peers (okhttp-sse, okhttp-eventsource, WebClient) and two transport floors (Netty, the JDK
 * HttpClient), a fresh JVM per run. {@code --help} lists the options.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.sseconnector.benchmarks.ClientThroughputHarness --runs 5
 * </pre>
 */
public final class ClientThroughputHarness {
    private ClientThroughputHarness() {}

    public static void main(String[] args) throws Exception {
        HarnessRunner.main(args);
    }
}
