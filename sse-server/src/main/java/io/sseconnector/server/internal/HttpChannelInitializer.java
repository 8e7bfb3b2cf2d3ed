package io.sseconnector.server.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.sseconnector.server.Routes;
import io.sseconnector.server.ServerConfig;

/** Each accepted connection: HTTP/1.1 codec, a small body aggregator, the dispatcher. */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ChannelGroup connections;
    private final ServerConfig config;
    private final Routes routes;

    HttpChannelInitializer(ChannelGroup connections, ServerConfig config, Routes routes) {
        this.connections = connections;
        this.config = config;
        this.routes = routes;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        channel.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("aggregator", new HttpObjectAggregator(config.maxRequestBodyBytes()))
                .addLast(
                        RequestDispatcher.NAME,
                        new RequestDispatcher(routes, config.keepAliveInterval().toNanos()));
    }
}
