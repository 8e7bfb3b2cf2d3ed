package io.sseconnector.connector.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loading test configurations against an injected environment, and reading their problems. */
final class TestConfigs {
    static final Path DIR = Path.of("src/test/resources/config");

    /** The variables and files the DESIGN §2 example refers to. */
    static final ConfigEnvironment DESIGN_ENV = ConfigEnvironment.of(
            Map.of(
                    "MQTT_USER", "bridge",
                    "CAMERA_TOKEN", "camera-token-1",
                    "DASHBOARD_TOKEN", "dashboard-token-2",
                    "PUBLISH_TOKEN", "publish-token-3"),
            Map.of(
                    "/run/secrets/mqtt-password", "mqtt-password-4\n",
                    "/etc/sse-connector/ca.pem", "CA",
                    "/etc/sse-connector/client.pem", "CERT",
                    "/etc/sse-connector/client.key", "KEY"),
            "edge-box");

    /** No variables, no files. */
    static final ConfigEnvironment EMPTY_ENV = ConfigEnvironment.of(Map.of(), Map.of(), "edge-box");

    private TestConfigs() {}

    static LoadResult load(String file, ConfigEnvironment environment) {
        return ConfigLoader.with(environment).load(DIR.resolve(file));
    }

    static ConnectorConfig loaded(String file, ConfigEnvironment environment) {
        LoadResult result = load(file, environment);
        if (result instanceof LoadResult.Failed failed) {
            throw new AssertionError(file + " did not load: " + lines(failed.problems()));
        }
        return result.orThrow();
    }

    static LoadResult parse(String yaml) {
        return ConfigLoader.with(EMPTY_ENV).parse(yaml);
    }

    static LoadResult parse(String yaml, ConfigEnvironment environment) {
        return ConfigLoader.with(environment).parse(yaml);
    }

    /** Each problem as validate prints it, with "f" for the file. */
    static List<String> lines(List<Problem> problems) {
        return problems.stream().map(p -> p.format("f")).toList();
    }

    static List<String> lines(LoadResult result) {
        return lines(result.problems());
    }
}
