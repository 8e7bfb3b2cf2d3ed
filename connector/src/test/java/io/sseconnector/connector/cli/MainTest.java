package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line's surface: every command of DESIGN §2 is reachable from {@code sse-connector}. */
class MainTest {
    private record Result(int exitCode, String stdout) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.newCommandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter(), true));
        return new Result(cli.execute(args), out.toString());
    }

    @Test
    void theUsageListsEveryCommandWithAOneSentenceSummary() {
        Result usage = run();

        assertThat(usage.exitCode()).isZero();
        List<String> commands = List.of("demo", "run", "validate", "tail", "simulate", "schema");
        for (String command : commands) {
            String line = usage.stdout()
                    .lines()
                    .filter(l -> l.startsWith("  " + command + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(command + " is missing from:\n" + usage.stdout()));
            // The summary is the description's first line: it must stand on its own, not stop mid-sentence.
            String summary = usage.stdout().substring(usage.stdout().indexOf(line));
            summary = summary.substring(0, summary.indexOf('.') + 1);
            assertThat(summary.lines().count()).as("summary of %s", command).isLessThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "run", "validate", "tail", "simulate camera", "schema infer"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").split(" ");

        Result help = run(args);

        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("Usage: sse-connector " + command);
    }
}
