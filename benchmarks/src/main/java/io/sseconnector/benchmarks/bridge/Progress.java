package io.sseconnector.benchmarks.bridge;

import java.util.function.Supplier;

/**
 * The status line on stderr while the harness runs: rewritten in place every second on a terminal,
 * printed every ten seconds otherwise (a log file should not fill with carriage returns).
 */
final class Progress implements AutoCloseable {
    private final boolean terminal = System.console() != null;
    private final long startNanos = System.nanoTime();
    private final Thread printer;
    private volatile Supplier<String> status = () -> "starting";
    private int width;

    Progress() {
        printer = Thread.ofPlatform().daemon().name("bridge-harness-progress").start(this::printLoop);
    }

    /** What the status line shows from now on (evaluated each time it is printed). */
    void show(Supplier<String> value) {
        status = value;
    }

    /** A line that stays. */
    synchronized void log(String line) {
        clear();
        System.err.println(line);
    }

    private void printLoop() {
        try {
            while (true) {
                Thread.sleep(terminal ? 1_000 : 10_000);
                print();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void print() {
        String line = String.format("[%4ds] %s", (System.nanoTime() - startNanos) / 1_000_000_000L, status.get());
        if (terminal) {
            clear();
            System.err.print(line);
            width = line.length();
        } else {
            System.err.println(line);
        }
    }

    private void clear() {
        if (terminal && width > 0) {
            System.err.print("\r" + " ".repeat(width) + "\r");
            width = 0;
        }
    }

    @Override
    public synchronized void close() {
        printer.interrupt();
        clear();
    }
}
