package io.sseconnector.connector.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.LoggerFactory;

/**
 * Records every log line of the process while open, as {@code LEVEL logger - message}, followed by
 * the message of each chained exception: what an operator would read, secrets included if any leak.
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            record(event);
        }
    };

    private LogCapture() {}

    /** Starts recording. */
    public static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.appender.setContext(capture.root.getLoggerContext());
        capture.appender.setName("test-capture");
        capture.appender.start();
        capture.root.addAppender(capture.appender);
        return capture;
    }

    private void record(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(" - ")
                .append(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits for a line that {@code matches} and returns the first one. */
    public String await(Predicate<String> matches, Duration timeout) {
        try {
            Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> lines.stream().anyMatch(matches));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "no log line as expected within " + timeout + "; lines:\n" + String.join("\n", lines));
        }
        return lines.stream().filter(matches).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
