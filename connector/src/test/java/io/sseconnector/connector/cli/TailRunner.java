package io.sseconnector.connector.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code sse-connector tail} in-process and captures its stdout, stderr and exit code. */
final class TailRunner {
    record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.isEmpty()
                    ? List.of()
                    : Arrays.asList(stdout.split("\n", -1)).subList(0, count());
        }

        private int count() {
            String[] parts = stdout.split("\n", -1);
            return parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
        }
    }

    private TailRunner() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli =
                Main.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 1];
        full[0] = "tail";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = cli.execute(full);
        return new Result(exit, out.toString(), err.toString());
    }
}
