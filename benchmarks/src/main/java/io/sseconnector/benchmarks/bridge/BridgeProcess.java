package io.sseconnector.benchmarks.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The harness's handle on a {@link BridgeChild}: a fresh JVM on this JVM's class path, its log in a
 * file, its answers read from its stdout.
 */
final class BridgeProcess implements AutoCloseable {
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    /** The bridge's counters, as {@code status} reports them. */
    record Status(
            boolean ready,
            long received,
            long delivered,
            long buffered,
            long errors,
            long reconnects,
            long dropped,
            long givenUp) {}

    /** The bridge JVM after two full GCs. */
    record Heap(long used, long committed, int threads, long cpuNanos) {}

    private BridgeProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("bridge-child-stdout").start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    replies.add(line);
                }
            } catch (IOException e) {
                // the child is gone; ask() times out
            }
        });
    }

    /**
     * Starts the bridge of {@code config}.
     *
     * @param jvmArgs flags for the bridge's JVM
     * @param log where its log (stderr) goes
     * @param maxLife it stops by itself after this
     */
    static BridgeProcess start(Path config, List<String> jvmArgs, Path log, Duration maxLife) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // as bin/sse-connector starts it
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        cmd.add(BridgeChild.class.getName());
        cmd.add(config.toString());
        cmd.add(Long.toString(maxLife.toSeconds()));
        Process process = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new BridgeProcess(process);
    }

    long pid() {
        return process.pid();
    }

    Status status() throws IOException, InterruptedException, TimeoutException {
        String[] f = ask("status", "STATUS", Duration.ofSeconds(10)).split(" ");
        return new Status(
                Boolean.parseBoolean(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[4]),
                Long.parseLong(f[5]),
                Long.parseLong(f[6]),
                Long.parseLong(f[7]),
                Long.parseLong(f[8]));
    }

    Heap heap() throws IOException, InterruptedException, TimeoutException {
        String[] f = ask("heap", "HEAP", Duration.ofSeconds(60)).split(" ");
        return new Heap(Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4]));
    }

    /** Bytes allocated so far by the bridge JVM's live threads (-1 when the JVM cannot tell). */
    long allocatedBytes() throws IOException, InterruptedException, TimeoutException {
        return Long.parseLong(ask("alloc", "ALLOC", Duration.ofSeconds(10)).split(" ")[1]);
    }

    /** Waits until the bridge reports every device and the broker connected. */
    Status awaitReady(Duration timeout) throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Status status = status();
            if (status.ready()) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the bridge was not ready after " + timeout.toSeconds() + " s: " + status);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the bridge holds no event (all acknowledged): the next window starts clean. */
    Status awaitIdle(Duration timeout) throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Status status = status();
            if (status.buffered() == 0
                    && status.delivered() + status.dropped() + status.givenUp() >= status.received()) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(50);
        }
    }

    private synchronized String ask(String command, String prefix, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        commands.write(command + "\n");
        commands.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = replies.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new TimeoutException("the bridge did not answer '" + command + "' within " + timeout.toSeconds()
                        + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
            }
            if (line.startsWith(prefix + " ")) {
                return line;
            }
        }
    }

    /** Stops the bridge cleanly (it drains and saves offsets), or kills it after 30 s. */
    @Override
    public void close() throws InterruptedException {
        try {
            commands.write("stop\n");
            commands.flush();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
