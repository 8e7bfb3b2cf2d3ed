package io.sseconnector.connector.cli;

import java.io.Console;

/** Whether stdout is a terminal a person is looking at. */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // Since JDK 22 System.console() is non-null for redirected streams too; isTerminal() tells.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }
}
