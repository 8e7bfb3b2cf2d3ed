package io.sseconnector.server.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.sseconnector.server.Routes;
import io.sseconnector.server.ServerConfig;

/**
 * Each accepted connection: HTTP/1.1 codec (request line and head capped), the request-head
 * timeout, a small body aggregator, the dispatcher. A connection over {@code maxConnections} gets
 * only a {@link ConnectionRefusal}.
 */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ChannelGroup connections;
    private final ServerConfig config;
    private final Routes routes;
    private final ServerLimits limits;

    HttpChannelInitializer(ChannelGroup connections, ServerConfig config, Routes routes, ServerLimits limits) {
        this.connections = connections;
        this.config = config;
        this.routes = routes;
        this.limits = limits;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (!limits.tryOpen(channel)) {
            channel.pipeline().addLast(ConnectionRefusal.NAME, new ConnectionRefusal());
            return;
        }
        connections.add(channel);
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(ServerConfig.Limits.MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(config.limits().maxHeaderBytes());
        channel.pipeline()
                .addLast("http", new HttpServerCodec(decoder))
                .addLast(RequestHeadTimeout.NAME, new RequestHeadTimeout(limits))
                .addLast("aggregator", new HttpObjectAggregator(config.maxRequestBodyBytes()))
                .addLast(
                        RequestDispatcher.NAME,
                        new RequestDispatcher(routes, config.keepAliveInterval().toNanos(), limits));
    }
}
