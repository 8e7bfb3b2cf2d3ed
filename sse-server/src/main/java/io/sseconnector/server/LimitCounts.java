package io.sseconnector.server;

/**
 * How often each of the {@link ServerConfig.Limits} bit since the server started.
 *
 * @param connectionsRefused connections answered 503 because {@code maxConnections} were open
 * @param requestHeadTimeouts connections closed for not sending their first request head within
 *     {@code requestHeadTimeout}
 * @param headsTooLarge requests answered 431 (headers over {@code maxHeaderBytes}) or 414 (request
 *     line over {@link ServerConfig.Limits#MAX_REQUEST_LINE_BYTES})
 */
public record LimitCounts(long connectionsRefused, long requestHeadTimeouts, long headsTooLarge) {}
