package io.sseconnector.connector.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/sse-connector} as a separate process, its stdout and stderr in files that tests read
 * while it runs. {@link #close()} kills it if it is still there.
 */
final class ScriptProcess implements AutoCloseable {
    static final Path SCRIPT =
            Path.of("..", "bin", "sse-connector").toAbsolutePath().normalize();

    private final Process process;
    private final Path out;
    private final Path err;

    private ScriptProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static ScriptProcess start(Path dir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return new ScriptProcess(builder.start(), out, err);
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /**
     * Waits until {@code pattern} matches stdout or stderr and returns the match; fails with both
     * outputs when the process ends first or the time is up.
     */
    Matcher await(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String text : List.of(stdout(), stderr())) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no /" + pattern + "/ within " + timeout + " (process "
                        + (process.isAlive() ? "running" : "exited " + process.exitValue()) + ")\n--- stdout:\n"
                        + stdout() + "\n--- stderr:\n" + stderr());
            }
            Thread.sleep(100);
        }
    }

    /** Waits for the process to exit by itself and returns the exit code; fails when it is still running. */
    int awaitExit(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "\n--- stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Sends SIGTERM and returns the exit code; fails when it does not exit within the timeout. */
    int terminate(Duration timeout) throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no exit within " + timeout + " of SIGTERM\n--- stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
