package io.sseconnector.connector.cli;

import io.sseconnector.connector.config.AssetConfig;
import io.sseconnector.connector.config.AssetEventConfig;
import io.sseconnector.connector.config.ConfigLoader;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sse-connector validate -c FILE}: checks a configuration and prints every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a configuration file and prints every problem, then a summary.",
            "Each problem is one line, FILE:LINE:COL: PATH: message (warnings as 'warning: message').",
            "$${env:NAME} and $${file:PATH} references are resolved, so run it where the bridge runs.",
            "",
            "Exit status: 0 when the file is valid (it may have warnings); 1 when it has errors or cannot",
            "be read; 2 on a usage error."
        },
        footer = {"", "Example:", "  sse-connector validate -c bridge.yaml"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "The YAML configuration to check.")
    Path config;

    private final ConfigLoader loader;

    /** Resolves references against the process environment and the file system. */
    public ValidateCommand() {
        this(ConfigLoader.system());
    }

    /** Resolves through {@code loader} (tests inject an environment). */
    public ValidateCommand(ConfigLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String file = config.toString();
        LoadResult result = loader.load(config);
        switch (result) {
            case LoadResult.Failed failed -> {
                if (failed.errors().size() == 1 && failed.errors().get(0).line() == 0) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println(
                            "sse-connector validate: " + failed.errors().get(0).format(file));
                    err.flush();
                    return 1;
                }
                failed.problems().forEach(p -> out.println(p.format(file)));
                out.println("invalid: " + count(failed.errors().size(), "error") + ", "
                        + count(failed.warnings().size(), "warning"));
            }
            case LoadResult.Loaded loaded -> {
                loaded.warnings().forEach(p -> out.println(p.format(file)));
                out.println(summary(loaded.config()));
            }
        }
        out.flush();
        return result instanceof LoadResult.Loaded ? 0 : 1;
    }

    /**
     * {@code ok: 1 device, 1 asset, 5 routes (5 Mqtt, 1 Sse); broker tcp://127.0.0.1:1883}: a route
     * is an asset event, or an asset's default destinations; the counts in brackets are
     * destinations by target.
     */
    static String summary(ConnectorConfig config) {
        int routes = 0;
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (String target : List.of("Mqtt", "Sse", "StateStore", "Http", "File", "Stdout")) {
            targets.put(target, 0);
        }
        for (AssetConfig asset : config.assets()) {
            List<DestinationConfig> destinations = new ArrayList<>(asset.defaultDestinations());
            routes += asset.events().size() + (asset.defaultDestinations().isEmpty() ? 0 : 1);
            for (AssetEventConfig event : asset.events()) {
                destinations.addAll(event.destinations());
            }
            destinations.forEach(d -> targets.merge(d.target(), 1, Integer::sum));
        }
        List<String> byTarget = new ArrayList<>();
        targets.forEach((target, n) -> {
            if (n > 0) {
                byTarget.add(n + " " + target);
            }
        });
        StringBuilder line = new StringBuilder("ok: ")
                .append(count(config.devices().size(), "device"))
                .append(", ")
                .append(count(config.assets().size(), "asset"))
                .append(", ")
                .append(count(routes, "route"));
        if (!byTarget.isEmpty()) {
            line.append(" (").append(String.join(", ", byTarget)).append(')');
        }
        line.append(config.mqtt().map(m -> "; broker " + m.url()).orElse("; no broker"));
        config.server()
                .ifPresent(s -> line.append("; hub ")
                        .append(s.host())
                        .append(':')
                        .append(s.port())
                        .append(", ")
                        .append(count(config.channels().size(), "channel")));
        return line.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
