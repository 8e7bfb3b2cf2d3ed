package io.sseconnector.connector.cli;

import io.sseconnector.client.SseClient;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.SseStream;
import io.sseconnector.client.StreamSignal;
import io.sseconnector.connector.tail.EventPrinter;
import io.sseconnector.connector.tail.JsonlPrinter;
import io.sseconnector.connector.tail.PrettyPrinter;
import io.sseconnector.core.SkippedEvent;
import io.sseconnector.core.SseLimits;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sse-connector tail URL}: an SSE client that prints what it receives. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Connects to an SSE endpoint and prints its events, reconnecting with Last-Event-ID like a browser.",
            "",
            "Exit status: 0 after --max-events or --duration, or when the server answers 204 (or ends the",
            "stream under --no-reconnect); 1 on a fatal HTTP status, a wrong content type or a network error",
            "under --no-reconnect; 2 on a usage error."
        },
        footer = {
            "",
            "Examples:",
            "  sse-connector tail http://127.0.0.1:8080/camera-events",
            "  sse-connector tail --format jsonl --events ALERT,ALERT_DLQC --max-events 10 URL",
            "  sse-connector tail -H 'Authorization: Bearer $${env:TOKEN}' --last-event-id 1042 URL"
        })
public final class TailCommand implements Callable<Integer> {
    /** The output formats. */
    public enum Format {
        jsonl,
        pretty
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The SSE endpoint (http:// or https://).")
    URI url;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--events",
            split = ",",
            paramLabel = "TYPE",
            description = "Only print these event types (comma-separated).")
    List<String> events = new ArrayList<>();

    @Option(names = "--last-event-id", paramLabel = "ID", description = "Resume after this id (sent as Last-Event-ID).")
    String lastEventId = "";

    @Option(
            names = {"-n", "--max-events"},
            paramLabel = "N",
            description = "Stop after N events (exit 0).")
    Long maxEvents;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "jsonl (one JSON object per event) or pretty; default: pretty on a terminal, else jsonl.")
    Format format;

    @Option(names = "--no-reconnect", description = "Stop when the stream ends or fails instead of reconnecting.")
    boolean noReconnect;

    @Option(
            names = "--read-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description =
                    "Reconnect when no byte (not even a comment) arrived for this long (default: ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long (exit 0).")
    Duration duration;

    @Option(
            names = "--reconnect-delay",
            paramLabel = "DURATION",
            defaultValue = "1s",
            description = "First reconnect delay, doubled per failed attempt (default: ${DEFAULT-VALUE}).")
    Duration reconnectDelay;

    @Option(
            names = "--max-reconnect-delay",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "Longest reconnect delay (default: ${DEFAULT-VALUE}).")
    Duration maxReconnectDelay;

    @Option(
            names = "--max-line-length",
            paramLabel = "BYTES",
            defaultValue = "1048576",
            description = "Longest line accepted; an event with a longer line is skipped, with a line on stderr"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxLineLength;

    @Option(
            names = "--max-event-size",
            paramLabel = "BYTES",
            defaultValue = "1048576",
            description = "Largest event data accepted; a larger event is skipped, with a line on stderr"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxEventSize;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also show the client's own log lines (connects, retries, failures) on stderr.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        SseClientConfig config = clientConfig();
        // tail reports connects, retries and failures itself, in one line each.
        Logging.setLevel("io.sseconnector.client", verbose ? "DEBUG" : "OFF");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventPrinter printer = chooseFormat() == Format.jsonl
                ? new JsonlPrinter(out, err)
                : new PrettyPrinter(out, Clock.systemDefaultZone());
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        AtomicLong printed = new AtomicLong();
        try (SseClient client = SseClient.create(1);
                SseStream stream = client.open(config, signal -> onSignal(signal, printer, err, printed, exit))) {
            if (duration != null) {
                exit.completeOnTimeout(0, duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            return exit.get();
        } catch (ExecutionException e) {
            err.println("sse-connector tail: " + e.getCause().getMessage());
            return 1;
        }
    }

    private void onSignal(
            StreamSignal signal,
            EventPrinter printer,
            PrintWriter err,
            AtomicLong printed,
            CompletableFuture<Integer> exit) {
        if (exit.isDone()) {
            return; // --max-events reached: the stream is being closed
        }
        switch (signal) {
            case StreamSignal.Opened opened ->
                printer.status(
                        "connected to " + opened.uri() + " (" + opened.status() + ", " + opened.contentType() + ")");
            case StreamSignal.Event event -> {
                printer.event(event.event());
                if (maxEvents != null && printed.incrementAndGet() >= maxEvents) {
                    exit.complete(0);
                }
            }
            case StreamSignal.Skipped skipped -> {
                // Never on stdout: jsonl output holds events only.
                err.println(skippedLine(skipped.skipped()));
                err.flush();
            }
            case StreamSignal.Comment comment -> {
                // Heartbeats keep the connection alive; they are not events.
            }
            case StreamSignal.Retrying retrying ->
                printer.status(retrying.reason() + "; reconnecting in " + Durations.format(retrying.delay())
                        + " (attempt " + retrying.attempt() + ")");
            case StreamSignal.Closed closed -> exit.complete(0);
            case StreamSignal.Failed failed -> {
                err.println("sse-connector tail: " + failed.error().getMessage());
                err.flush();
                exit.complete(1);
            }
        }
    }

    /** {@code skipped event ALERT (id 17): 5242880 data bytes, more than --max-event-size 1048576}. */
    private String skippedLine(SkippedEvent skipped) {
        String what = skipped.limit() == SkippedEvent.Limit.MAX_LINE_LENGTH
                ? "a line longer than --max-line-length " + maxLineLength
                : "more than --max-event-size " + maxEventSize;
        return "skipped event " + (skipped.type().isEmpty() ? "(type too long)" : cut(skipped.type())) + " (id "
                + cut(skipped.lastEventId()) + "): " + skipped.dataBytes() + " data bytes, " + what
                + "; the stream goes on";
    }

    /** Peer text for a status line: at most 64 characters. */
    private static String cut(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    private Format chooseFormat() {
        if (format != null) {
            return format;
        }
        return Terminal.isInteractive() ? Format.pretty : Format.jsonl;
    }

    SseClientConfig clientConfig() {
        if (maxEvents != null && maxEvents < 1) {
            throw new ParameterException(spec.commandLine(), "--max-events must be at least 1, was " + maxEvents);
        }
        SseClientConfig config;
        try {
            config = SseClientConfig.of(url)
                    .withLastEventId(lastEventId)
                    .withEventTypes(new LinkedHashSet<>(events))
                    .withReconnect(!noReconnect)
                    .withReadTimeout(readTimeout)
                    .withBackoff(new SseClientConfig.Backoff(
                            reconnectDelay,
                            maxReconnectDelay,
                            SseClientConfig.Backoff.DEFAULTS.resetAfter(),
                            SseClientConfig.Backoff.DEFAULTS.jitter()))
                    .withLimits(new SseLimits(maxLineLength, maxEventSize));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return connection.applyTo(config);
    }
}
