package io.sseconnector.connector.admin;

import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.config.Secret;
import io.sseconnector.connector.config.ServerConfig;
import io.sseconnector.server.HttpServer;
import io.sseconnector.server.Routes;

/** Starts the {@link AdminEndpoints} as the {@code server} section says: its address, its token. */
public final class AdminServer {
    private AdminServer() {}

    /**
     * Binds {@code server.host():server.port()} (loopback unless the file says otherwise).
     *
     * @throws java.io.UncheckedIOException the address cannot be bound
     */
    public static HttpServer start(ServerConfig server, Bridge bridge) {
        return HttpServer.start(
                io.sseconnector.server.ServerConfig.DEFAULTS
                        .withName("admin")
                        .withHost(server.host())
                        .withPort(server.port()),
                new AdminEndpoints(bridge, server.token().map(Secret::value))
                        .addTo(Routes.builder())
                        .build());
    }
}
