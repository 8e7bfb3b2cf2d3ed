package io.sseconnector.client.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.SseClientException;
import io.sseconnector.client.SseListener;
import io.sseconnector.client.SseStream;
import io.sseconnector.client.SseStreamStats;
import io.sseconnector.client.StreamSignal;
import io.sseconnector.core.SkippedEvent;
import io.sseconnector.core.SseEvent;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One logical stream: the state machine that connects, follows redirects, hands events to the
 * listener, and reconnects with backoff until a terminal signal. All its state lives on one event
 * loop (the one its channels use), so nothing here needs a lock; the public methods hop onto it.
 *
 * <p>States: connecting or open (a {@link SseConnectionHandler} is current), waiting (a reconnect
 * is scheduled), terminal (Closed or Failed was sent; nothing follows).
 */
final class NettySseStream implements SseStream {
    private static final System.Logger LOG = System.getLogger("io.sseconnector.client.SseClient");
    private static final long NO_RETRY = -1;
    private static final StreamSignal.Closed CLOSED_BY_APPLICATION =
            new StreamSignal.Closed("closed by the application");

    private final NettySseClient client;
    private final EventLoop loop;
    private final SseClientConfig config;
    private final SseListener listener;
    private final BackoffPolicy backoff;
    private final Set<String> eventTypes;
    private final StreamCounters counters = new StreamCounters();
    private final SkipLog skipLog = new SkipLog();

    /** Read by any thread; the current parser holds the newer value while a connection is open. */
    private volatile String lastEventId;

    private volatile boolean paused;
    private boolean terminal;
    private SseConnectionHandler connection;
    private ScheduledFuture<?> reconnectTask;
    private int attempt;
    private long retryMillis = NO_RETRY;
    private long openedAtNanos;

    NettySseStream(NettySseClient client, EventLoop loop, SseClientConfig config, SseListener listener) {
        this.client = client;
        this.loop = loop;
        this.config = config;
        this.listener = listener;
        this.backoff = new BackoffPolicy(config.backoff());
        this.eventTypes = config.eventTypes();
        this.lastEventId = config.lastEventId();
    }

    void start() {
        runOnLoop(() -> connect(config.uri(), 0));
    }

    // ---- SseStream ------------------------------------------------------------------------------

    @Override
    public String lastEventId() {
        SseConnectionHandler current = connection;
        if (loop.inEventLoop() && current != null && current.parser() != null) {
            return current.parser().lastEventId();
        }
        return lastEventId;
    }

    @Override
    public void pause() {
        paused = true;
        runOnLoop(() -> {
            if (connection != null && paused) {
                connection.pause();
            }
        });
    }

    @Override
    public void resume() {
        paused = false;
        runOnLoop(() -> {
            if (connection != null && !paused) {
                connection.resume();
            }
        });
    }

    @Override
    public SseStreamStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        runOnLoop(() -> terminate(CLOSED_BY_APPLICATION, Level.DEBUG));
    }

    // ---- state machine (event loop only) ----------------------------------------------------------

    private void connect(URI uri, int redirects) {
        if (terminal) {
            return;
        }
        reconnectTask = null;
        SseConnectionHandler handler;
        try {
            List<Map.Entry<String, String>> headers = client.headerValues().resolve(config.headers());
            handler = new SseConnectionHandler(this, uri, redirects, SseRequests.get(uri, headers, lastEventId));
            connection = handler;
            client.connect(this, handler);
        } catch (SseClientException e) {
            fail(new SseClientException("GET " + LogText.url(uri) + ": " + e.getMessage(), -1, e.getCause()));
        } catch (RuntimeException e) {
            // A URL or setting Netty refuses (e.g. an unusable host): retrying cannot help.
            fail(new SseClientException("GET " + LogText.url(uri) + ": cannot connect: " + LogText.describe(e), -1, e));
        }
    }

    /**
     * Whether {@code source} is still this stream's connection. Once the client is closing, its
     * event loops close every channel; that must end the stream, not schedule a reconnect.
     */
    private boolean isCurrent(SseConnectionHandler source) {
        if (source != connection) {
            return false;
        }
        if (client.isClosed()) {
            terminate(CLOSED_BY_APPLICATION, Level.DEBUG);
            return false;
        }
        return true;
    }

    void onOpened(SseConnectionHandler source, URI uri, String contentType) {
        if (!isCurrent(source)) {
            return;
        }
        counters.opened();
        openedAtNanos = System.nanoTime();
        // After failed attempts, the recovery is news; a first open is not.
        Level level = attempt > 0 ? Level.INFO : Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(
                    level,
                    "GET " + LogText.url(uri) + ": opened" + (attempt > 0 ? " after " + attempt + " retries" : "")
                            + " (" + contentType + ", last id '" + lastEventId + "')");
        }
        emit(new StreamSignal.Opened(200, LogText.withoutUserInfo(uri), contentType));
    }

    void onEvent(SseEvent event) {
        if (!eventTypes.isEmpty() && !eventTypes.contains(event.type())) {
            counters.filtered();
            return;
        }
        counters.event();
        emit(new StreamSignal.Event(event));
    }

    /** The parser skipped an event past a limit: counted, logged (rate-limited), and signalled. */
    void onSkipped(URI uri, SkippedEvent skipped) {
        counters.skipped();
        String line = skipLog.line(uri, skipped, config.limits(), System.nanoTime());
        if (line != null && LOG.isLoggable(Level.WARNING)) {
            LOG.log(Level.WARNING, line);
        }
        if (eventTypes.isEmpty() || skipped.type().isEmpty() || eventTypes.contains(skipped.type())) {
            emit(new StreamSignal.Skipped(skipped));
        }
    }

    void onComment(String text) {
        counters.comment();
        emit(new StreamSignal.Comment(text));
    }

    void onRetryField(long millis) {
        retryMillis = millis;
    }

    void onBytes(int count) {
        counters.bytes(count);
    }

    /** The connection's parser saw these ids; called after each chunk and at the end. */
    void updateLastEventId(String id) {
        if (!id.equals(lastEventId)) {
            lastEventId = id;
        }
    }

    void onRedirect(SseConnectionHandler source, URI from, URI to, int status, int redirects) {
        if (!isCurrent(source)) {
            return;
        }
        connection = null;
        if (redirects > config.maxRedirects()) {
            fail(new SseClientException(
                    "GET " + LogText.url(from) + ": " + status + " redirect to " + LogText.url(to)
                            + " is one too many (maxRedirects " + config.maxRedirects() + ")",
                    status,
                    null));
            return;
        }
        LOG.log(Level.DEBUG, () -> "GET " + LogText.url(from) + ": " + status + ", following to " + LogText.url(to));
        connect(to, redirects);
    }

    /** A 204: the server asks the client to stop. */
    void onNoContent(SseConnectionHandler source, URI uri) {
        if (isCurrent(source)) {
            terminate(new StreamSignal.Closed("the server answered 204 No Content; not reconnecting"), Level.INFO);
        }
    }

    /** The server ended the body or closed the connection after the stream opened. */
    void onEndOfStream(SseConnectionHandler source, URI uri) {
        if (!isCurrent(source)) {
            return;
        }
        if (!config.reconnect()) {
            terminate(new StreamSignal.Closed("the server ended the stream; reconnect is off"), Level.INFO);
            return;
        }
        retry(uri, "the server ended the stream", null, -1);
    }

    /** A failure that a later attempt may not meet: a status, a network error, a timeout. */
    void onRetryable(
            SseConnectionHandler source, URI uri, String reason, int status, Throwable cause, long retryAfterMillis) {
        if (!isCurrent(source)) {
            return;
        }
        if (!config.reconnect()) {
            fail(new SseClientException(
                    "GET " + LogText.url(uri) + ": " + reason + " (reconnect is off)", status, cause));
            return;
        }
        retry(uri, reason, cause, retryAfterMillis);
    }

    void onFatal(SseConnectionHandler source, SseClientException error) {
        if (isCurrent(source)) {
            fail(error);
        }
    }

    private void retry(URI uri, String reason, Throwable cause, long retryAfterMillis) {
        connection = null;
        if (openedAtNanos != 0 && backoff.wasHealthy(System.nanoTime() - openedAtNanos)) {
            attempt = 0;
        }
        openedAtNanos = 0;
        attempt++;
        long delay = retryAfterMillis >= 0
                ? backoff.retryAfterMillis(retryAfterMillis)
                : backoff.delayMillis(attempt, retryMillis);
        counters.retry();
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(
                    Level.INFO,
                    "GET " + LogText.url(uri) + ": " + reason + " (attempt " + attempt + ", last id '" + lastEventId
                            + "'), retrying in " + LogText.millis(delay));
        }
        emit(new StreamSignal.Retrying(Duration.ofMillis(delay), attempt, reason, cause));
        if (!terminal) {
            try {
                reconnectTask = loop.schedule(new Reconnect(), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                terminate(CLOSED_BY_APPLICATION, Level.DEBUG); // the client is shutting down
            }
        }
    }

    private void fail(SseClientException error) {
        terminate(new StreamSignal.Failed(error), Level.WARNING);
    }

    /** Sends the terminal signal once; cancels every timer and closes the connection. */
    private void terminate(StreamSignal signal, Level level) {
        if (terminal) {
            return;
        }
        terminal = true;
        if (reconnectTask != null) {
            reconnectTask.cancel(false);
            reconnectTask = null;
        }
        if (connection != null) {
            SseConnectionHandler current = connection;
            connection = null;
            current.abandon();
        }
        client.removed(this);
        if (LOG.isLoggable(level)) {
            String text = signal instanceof StreamSignal.Failed
                    ? ((StreamSignal.Failed) signal).error().getMessage() + "; giving up"
                    : "GET " + LogText.url(config.uri()) + ": " + ((StreamSignal.Closed) signal).reason();
            LOG.log(level, text);
        }
        emit(signal);
    }

    private void emit(StreamSignal signal) {
        try {
            listener.onSignal(signal);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "GET " + LogText.url(config.uri()) + ": the listener threw on "
                            + signal.getClass().getSimpleName() + "; the stream goes on",
                    e);
        }
    }

    /** Runs on the stream's event loop: now when already there, else queued. */
    private void runOnLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                // The client shut its event loops down: the stream ended with it.
            }
        }
    }

    /** The scheduled reconnect: a named class so thread dumps and heap dumps read well. */
    private final class Reconnect implements Runnable {
        @Override
        public void run() {
            connect(config.uri(), 0);
        }
    }

    // ---- accessors for the client and the handler ---------------------------------------------------

    EventLoop loop() {
        return loop;
    }

    SseClientConfig config() {
        return config;
    }

    boolean isPaused() {
        return paused;
    }

    boolean isTerminal() {
        return terminal;
    }

    String currentLastEventId() {
        return lastEventId;
    }

    /** Ends the stream because its client closes; the future completes once Closed was sent. */
    Future<?> closeWithClient() {
        if (loop.inEventLoop()) {
            terminate(CLOSED_BY_APPLICATION, Level.DEBUG);
            return loop.newSucceededFuture(null);
        }
        try {
            return loop.submit(() -> terminate(CLOSED_BY_APPLICATION, Level.DEBUG));
        } catch (RejectedExecutionException e) {
            return loop.newSucceededFuture(null);
        }
    }

    @Override
    public String toString() {
        return "SseStream[" + LogText.url(config.uri()) + ", last id '" + lastEventId + "', "
                + (terminal ? "ended" : connection == null ? "waiting" : "connected") + "]";
    }
}
