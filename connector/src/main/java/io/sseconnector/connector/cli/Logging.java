package io.sseconnector.connector.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Adjusts log levels at run time, for commands whose output must stay clean. */
final class Logging {
    private Logging() {}

    static void setLevel(String loggerName, String level) {
        if (LoggerFactory.getLogger(loggerName) instanceof Logger logback) {
            logback.setLevel(Level.toLevel(level));
        }
    }
}
