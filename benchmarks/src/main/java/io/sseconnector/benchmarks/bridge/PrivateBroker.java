package io.sseconnector.benchmarks.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the harness's own on a spare loopback port, started and stopped by its pid, with
 * the machine's defaults except two that would otherwise measure the broker's handling of the
 * harness's subscriber rather than the bridge (see {@link #CONFIG}). The machine's broker is never
 * touched.
 */
final class PrivateBroker implements AutoCloseable {
    /**
     * What differs from a default Mosquitto 2.0: {@code set_tcp_nodelay true}, because without it the
     * broker's writes of QoS 0 messages to the subscriber wait for the subscriber's delayed TCP ACK
     * (Nagle), up to 40 ms, whoever published them; {@code max_queued_messages 100000}, because with
     * the default 1,000 the broker drops QoS 1 messages for a subscriber that falls 20 + 1,000 behind
     * (the subscriber shares the 2 cores with everything else). {@code max_inflight_messages} stays at
     * its default of 20: it is what Mosquitto grants publishers as their receive maximum.
     */
    static final String CONFIG = "set_tcp_nodelay true\nmax_queued_messages 100000\n";

    private final Process process;
    private final int port;

    private PrivateBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code mosquitto} with its config and log in {@code dir}; fails if it does not listen
     * within 10 s.
     *
     * @param maxInflight {@code max_inflight_messages}, or 0 to keep Mosquitto's default (20)
     */
    static PrivateBroker start(Path dir, int maxInflight) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(
                config,
                // as the harness's user: started as root it would switch to 'mosquitto', which may not write here
                "user " + System.getProperty("user.name") + "\n"
                        + "persistence false\n"
                        + "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log") + "\n"
                        + CONFIG
                        + (maxInflight > 0 ? "max_inflight_messages " + maxInflight + "\n" : "")
                        + "listener " + port + " 127.0.0.1\n"
                        + "allow_anonymous true\n");
        Process process = new ProcessBuilder(List.of("mosquitto", "-c", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile())
                .start();
        PrivateBroker broker = new PrivateBroker(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start; see " + dir.resolve("mosquitto.out"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return broker;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        broker.close();
        throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s");
    }

    URI uri() {
        return URI.create("tcp://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
