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
import java.util.regex.Pattern;

/**
 * A Mosquitto of the test's own on a spare loopback port, with a generated config in a temp
 * directory, started and stopped by PID: tests that restart a broker never touch the machine's.
 *
 * <p>It is configured so that a message it acknowledged is never dropped for a reason of its own,
 * so any loss a test sees is the bridge's: no limit on queued messages per client ({@code
 * max_queued_messages 0}; the default of 1,000 silently drops QoS 1 messages to a slow subscriber
 * after acknowledging them to the publisher), none on messages in flight to a client ({@code
 * max_inflight_messages 0}: each is written to the subscriber at once instead of waiting in the
 * broker's memory), and none on message or packet sizes (the defaults). With persistence (the
 * default), subscriptions and queued messages survive a {@link #restart()}; {@link #save()} writes
 * them to disk before a {@link #kill()}, which saves nothing.
 *
 * <p>The broker runs as the user running the tests: started as root, Mosquitto would otherwise
 * switch to the {@code mosquitto} user, which cannot write its log and persistence file nor read
 * TLS keys and password files in a {@code @TempDir} (mode 700, owned by root).
 */
public final class PrivateMosquitto implements AutoCloseable {
    private static final Pattern SAVED = Pattern.compile("Saving in-memory database to ");

    private final Path dir;
    private final int port;
    private final boolean persistence;
    private final String extraConfig;
    private Process process;

    private PrivateMosquitto(Path dir, int port, boolean persistence, String extraConfig) {
        this.dir = dir;
        this.port = port;
        this.persistence = persistence;
        this.extraConfig = extraConfig;
    }

    /**
     * Starts a broker on a free port, its files in {@code dir}; {@code extraConfig} is appended to
     * the listener block.
     */
    public static PrivateMosquitto start(Path dir, boolean persistence, String extraConfig) throws Exception {
        PrivateMosquitto broker = new PrivateMosquitto(dir, freePort(), persistence, extraConfig);
        broker.startProcess();
        return broker;
    }

    /** A persistent broker; {@code extraConfig} is appended to the listener block. */
    public static PrivateMosquitto start(Path dir, String extraConfig) throws Exception {
        return start(dir, true, extraConfig);
    }

    /** A persistent broker that admits anyone. */
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

    /**
     * A crash: SIGKILL, and waits for it to exit. Nothing is saved: after {@link #startAgain()} the
     * broker knows what the last {@link #save()} (or clean stop) wrote.
     */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mosquitto did not die within 10 s of SIGKILL");
            }
        }
    }

    /** Starts it again, after {@link #stop()} or {@link #kill()}, on the same port with the same files. */
    public void startAgain() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is still running on " + port);
        }
        startProcess();
    }

    /** Stops it (SIGTERM, it saves its state) and starts it again on the same port, with the same state. */
    public void restart() throws Exception {
        stop();
        startProcess();
    }

    /**
     * Writes the in-memory database (sessions, subscriptions, queued messages) to disk now, as
     * Mosquitto does on SIGUSR1, and waits until its log says it did.
     */
    public void save() throws Exception {
        if (!persistence) {
            throw new IllegalStateException("this broker was started without persistence");
        }
        long before = count(SAVED);
        Process signal = new ProcessBuilder(List.of("kill", "-USR1", Long.toString(process.pid())))
                .redirectErrorStream(true)
                .start();
        if (signal.waitFor() != 0) {
            throw new IllegalStateException(
                    "kill -USR1 failed: " + new String(signal.getInputStream().readAllBytes()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // Mosquitto logs before writing, to mosquitto.db.new, then renames it over mosquitto.db.
        while (count(SAVED) == before
                || Files.exists(dir.resolve("mosquitto.db.new"))
                || !Files.exists(dir.resolve("mosquitto.db"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not save its database within 10 s" + readLog());
            }
            Thread.sleep(20);
        }
    }

    /** How many times a client with this id connected, by the broker's log (across restarts). */
    public long connections(String clientId) {
        return count(Pattern.compile("New client connected from \\S+ as " + Pattern.quote(clientId) + " \\("));
    }

    private long count(Pattern pattern) {
        return pattern.matcher(readLog()).results().count();
    }

    private void startProcess() throws Exception {
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(
                config,
                "user " + System.getProperty("user.name") + "\n"
                        + "persistence " + persistence + "\n"
                        + "persistence_location " + dir.toAbsolutePath() + "/\n"
                        + "autosave_interval 0\n" // saved on stop and by save(): a kill loses what came since
                        + "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log") + "\n"
                        + "max_queued_messages 0\n"
                        + "max_queued_bytes 0\n"
                        + "max_inflight_messages 0\n"
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
