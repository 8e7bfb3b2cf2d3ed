package io.sseconnector.connector.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest; "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "sse-connector " + (version == null ? "dev" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
