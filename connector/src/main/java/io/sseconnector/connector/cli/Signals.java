package io.sseconnector.connector.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as ordinary events: the long-running commands stop cleanly and exit 0 instead
 * of letting the JVM die with 143/130 halfway through a shutdown hook.
 */
final class Signals {
    private Signals() {}

    static void onTermination(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException unsupported) {
                // this platform has no such signal: Ctrl-C still ends the JVM the default way
            }
        }
    }
}
