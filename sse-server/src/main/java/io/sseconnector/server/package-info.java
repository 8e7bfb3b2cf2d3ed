/** Everything sse-connector serves over HTTP, on Netty: SSE responses and fan-out, admin endpoints. */
package io.sseconnector.server;
