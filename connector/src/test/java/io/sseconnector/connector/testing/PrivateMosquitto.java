package io.sseconnector.connector.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a spare loopback port, with a generated config in a temp
 * directory, started and stopped by PID: tests that restart a broker never touch the machine's.
 * Persistence is on, so subscriptions and queued QoS 1 messages survive a restart.
 *
 * <p>The broker runs as the user running the tests: started as root, Mosquitto would otherwise
 * switch to the {@code mosquitto} user, which cannot write its log and persistence file nor read
 * TLS keys and password files in a {@code @TempDir} (mode 700, owned by root).
 */
public final class PrivateMosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final String extraConfig;
    private Process process;

    private PrivateMosquitto(Path dir, int port, String extraConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    /** Starts a broker on a free port; {@code extraConfig} is appended to the listener block. */
    public static PrivateMosquitto start(Path dir, String extraConfig) throws Exception {
        PrivateMosquitto broker = new PrivateMosquitto(dir, freePort(), extraConfig);
        broker.startProcess();
        return broker;
    }

    public static PrivateMosquitto start(Path dir) throws Exception {
        return start(dir, "allow_anonymous true\n");
    }

    public int port() {
        return port;
    }

    /**
     * Listener lines for TLS with the server certificate {@code cert}/{@code key} issued by {@code
     * ca}; with {@code requireCertificate}, clients must present a certificate signed by {@code ca}
     * (mutual TLS).
     */
    public static String tls(Path ca, Path cert, Path key, boolean requireCertificate) {
        return "cafile " + ca.toAbsolutePath() + "\n"
                + "certfile " + cert.toAbsolutePath() + "\n"
                + "keyfile " + key.toAbsolutePath() + "\n"
                + "require_certificate " + requireCertificate + "\n";
    }

    /**
     * Config lines that admit only {@code user} with {@code password}: a password file made with
     * {@code mosquitto_passwd -b -c} in {@code dir}, and {@code allow_anonymous false}.
     */
    public static String passwordOnly(Path dir, String user, String password) throws Exception {
        Path file = dir.resolve("passwords");
        Process process = new ProcessBuilder(List.of("mosquitto_passwd", "-b", "-c", file.toString(), user, password))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("mosquitto_passwd failed: " + output);
        }
        return "password_file " + file.toAbsolutePath() + "\n" + "allow_anonymous false\n";
    }

    /** The broker's log so far, for failure messages. */
    public String log() {
        return readLog();
    }

    /** Stops the broker (SIGTERM: it saves its persistent state) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts it again on the same port, with the same state. */
    public void restart() throws Exception {
        stop();
        startProcess();
    }

    private void startProcess() throws Exception {
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(
                config,
                "user " + System.getProperty("user.name") + "\n"
                        + "persistence true\n"
                        + "persistence_location " + dir.toAbsolutePath() + "/\n"
                        + "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log") + "\n"
                        + "max_queued_messages 100000\n"
                        + "listener " + port + " 127.0.0.1\n"
                        + extraConfig);
        process = new ProcessBuilder(List.of(mosquittoBinary(), "-c", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "mosquitto exited at start: " + Files.readString(dir.resolve("mosquitto.out")) + readLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s" + readLog());
    }

    private String readLog() {
        try {
            return "\n" + Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static String mosquittoBinary() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
