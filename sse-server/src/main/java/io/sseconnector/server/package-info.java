/**
 * Everything sse-connector serves over HTTP, on Netty: SSE responses and fan-out, admin endpoints.
 *
 * <p>The public API is small: an {@link io.sseconnector.server.HttpServer} started with a {@link
 * io.sseconnector.server.ServerConfig} and a {@link io.sseconnector.server.Routes} table whose
 * {@link io.sseconnector.server.RequestHandler}s answer a {@link io.sseconnector.server.Request}
 * with a {@link io.sseconnector.server.Response}: a full body, or an SSE stream of an {@link
 * io.sseconnector.server.EventLog}. The Netty code lives in {@code io.sseconnector.server.internal},
 * which is not an API.
 */
package io.sseconnector.server;
