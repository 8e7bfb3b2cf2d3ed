package io.sseconnector.connector.cli;

import io.sseconnector.client.SseClient;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.SseStream;
import io.sseconnector.client.StreamSignal;
import io.sseconnector.connector.schema.SchemaInferrer;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code sse-connector schema …}: JSON Schemas of event payloads. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "JSON Schemas of SSE event payloads.",
        subcommands = {SchemaCommand.Infer.class})
public final class SchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code sse-connector schema infer URL}: reads events and prints the schema inferred per event type. */
    @Command(
            name = "infer",
            mixinStandardHelpOptions = true,
            description = {
                "Reads events from an SSE endpoint (no reconnect) and prints, as one JSON document, the JSON Schema"
                        + " (draft 2020-12) inferred from the payloads of each event type: {\"TYPE\": schema, ...}.",
                "Progress goes to stderr. Stops after --events events, after --duration, or when the stream ends.",
                "",
                "Exit status: 0 when the schemas were printed (possibly {} when no event came); 1 on a fatal HTTP"
                        + " status, a wrong content type or a network error; 2 on a usage error."
            },
            footer = {
                "",
                "Examples:",
                "  sse-connector schema infer http://127.0.0.1:8080/camera-events",
                "  sse-connector schema infer --events 1000 --duration 1m --types ALERT,ALERT_DLQC URL > schemas.json",
                "  sse-connector schema infer -H 'Authorization: Bearer $${env:TOKEN}' URL"
            })
    static final class Infer implements Callable<Integer> {
        /** Progress is redrawn this often on a terminal. */
        private static final long PROGRESS_INTERVAL_MS = 200;

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "URL", description = "The SSE endpoint (http:// or https://).")
        URI url;

        @Mixin
        ConnectionOptions connection;

        @Option(
                names = {"-n", "--events"},
                paramLabel = "N",
                defaultValue = "100",
                description = "Stop after N events, all types together (default: ${DEFAULT-VALUE}).")
        long events;

        @Option(
                names = {"-t", "--types"},
                split = ",",
                paramLabel = "TYPE",
                description = "Only read these event types (comma-separated); others are skipped and not counted.")
        List<String> types = new ArrayList<>();

        @Option(
                names = "--duration",
                paramLabel = "DURATION",
                description = "Stop after this long and print what was read.")
        Duration duration;

        @Option(
                names = "--read-timeout",
                paramLabel = "DURATION",
                defaultValue = "60s",
                description =
                        "Stop when no byte (not even a comment) arrived for this long (default: ${DEFAULT-VALUE}).")
        Duration readTimeout;

        /** Inferrers by event type, fed on the client's I/O thread. */
        private final Map<String, SchemaInferrer> inferrers = new ConcurrentSkipListMap<>();

        private final AtomicLong read = new AtomicLong();

        /** How reading ended: {@code null} when it ended well, else the one-line error. */
        private record Outcome(String error) {
            static final Outcome DONE = new Outcome(null);
        }

        @Override
        public Integer call() throws InterruptedException {
            SseClientConfig config = clientConfig();
            // The client's own connect/retry log lines would interleave with the progress line.
            Logging.setLevel("io.sseconnector.client", "OFF");
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean live = Terminal.isInteractive();
            CompletableFuture<Outcome> end = new CompletableFuture<>();
            Outcome outcome;
            try (SseClient client = SseClient.create(1);
                    SseStream stream = client.open(config, signal -> onSignal(signal, end))) {
                if (duration != null) {
                    end.completeOnTimeout(Outcome.DONE, duration.toMillis(), TimeUnit.MILLISECONDS);
                }
                outcome = await(end, err, live);
            }
            err.print((live ? "\r" : "") + progress() + System.lineSeparator());
            if (outcome.error() != null) {
                err.println("sse-connector schema infer: " + outcome.error());
                err.flush();
                return 1;
            }
            err.flush();
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            inferrers.forEach((type, inferrer) -> document.set(type, inferrer.schema()));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            out.flush();
            return 0;
        }

        private Outcome await(CompletableFuture<Outcome> end, PrintWriter err, boolean live)
                throws InterruptedException {
            while (true) {
                try {
                    return end.get(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (live) {
                        err.print("\r" + progress());
                        err.flush();
                    }
                } catch (ExecutionException e) {
                    return new Outcome(String.valueOf(e.getCause().getMessage()));
                }
            }
        }

        private void onSignal(StreamSignal signal, CompletableFuture<Outcome> end) {
            if (end.isDone()) {
                return; // enough events: the stream is being closed
            }
            switch (signal) {
                case StreamSignal.Event event -> {
                    inferrers
                            .computeIfAbsent(event.event().type(), SchemaInferrer::new)
                            .accept(event.event().data());
                    if (read.incrementAndGet() >= events) {
                        end.complete(Outcome.DONE);
                    }
                }
                case StreamSignal.Closed closed -> end.complete(Outcome.DONE);
                case StreamSignal.Failed failed ->
                    end.complete(new Outcome(failed.error().getMessage()));
                case StreamSignal.Opened opened -> {
                    // connected: events follow
                }
                case StreamSignal.Comment comment -> {
                    // a heartbeat, not an event
                }
                case StreamSignal.Skipped skipped -> {
                    // past the parser's limits: no data to learn from
                }
                case StreamSignal.Retrying retrying -> {
                    // not with reconnect off
                }
            }
        }

        /** {@code read 57/100 events (4 types)}. */
        private String progress() {
            int typeCount = inferrers.size();
            return "read " + read.get() + "/" + events + " events (" + typeCount
                    + (typeCount == 1 ? " type)" : " types)");
        }

        SseClientConfig clientConfig() {
            if (events < 1) {
                throw new ParameterException(spec.commandLine(), "--events must be at least 1, was " + events);
            }
            SseClientConfig config;
            try {
                config = SseClientConfig.of(url)
                        .withEventTypes(new LinkedHashSet<>(types))
                        .withReconnect(false)
                        .withReadTimeout(readTimeout);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            return connection.applyTo(config);
        }
    }
}
