package io.sseconnector.client.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/**
 * After the TLS handshake, puts the codec of the protocol the server chose by ALPN in front of the
 * {@link SseConnectionHandler}: HTTP/2 (frame codec and stream multiplexer) or HTTP/1.1, the
 * fallback when the server does not speak ALPN (a request encoder only: the handler reads the
 * response bytes itself). Then it lets the handler send its request.
 */
final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
    static final String NAME = "alpn";

    /** One stream per connection, and a window large enough to keep a fast stream flowing. */
    private static final int STREAM_WINDOW = 1024 * 1024;

    private final SseConnectionHandler handler;

    AlpnHandler(SseConnectionHandler handler) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.handler = handler;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        ChannelPipeline p = ctx.pipeline();
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            Http2Settings settings =
                    Http2Settings.defaultSettings().pushEnabled(false).initialWindowSize(STREAM_WINDOW);
            p.addBefore(
                    SseConnectionHandler.NAME,
                    "h2",
                    Http2FrameCodecBuilder.forClient().initialSettings(settings).build());
            p.addBefore(SseConnectionHandler.NAME, "h2-streams", new Http2MultiplexHandler(RefusePushes.INSTANCE));
            handler.startHttp2(ctx.channel());
        } else {
            p.addBefore(SseConnectionHandler.NAME, "http", new HttpRequestEncoder());
            handler.startHttp1(p.context(SseConnectionHandler.NAME));
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        handler.networkError(cause);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        handler.networkError(cause);
    }

    /** Streams the server opens (pushes are disabled anyway) are closed at once. */
    @ChannelHandler.Sharable
    private static final class RefusePushes extends ChannelInboundHandlerAdapter {
        static final RefusePushes INSTANCE = new RefusePushes();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.close();
        }
    }
}
