package io.sseconnector.client.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.ReferenceCountUtil;

/**
 * The pipeline of the one HTTP/2 stream a connection carries: frames become HTTP objects, and
 * the stream's events go to the connection's {@link SseConnectionHandler}, which keeps pausing
 * and closing the connection itself (one connection per SSE stream).
 */
final class Http2StreamRelay extends ChannelInitializer<Http2StreamChannel> {
    private final SseConnectionHandler handler;

    Http2StreamRelay(SseConnectionHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void initChannel(Http2StreamChannel ch) {
        ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false), new Relay());
    }

    private final class Relay extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            handler.sendRequest(ctx);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            handler.onMessage(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof Http2ResetFrame) {
                long code = ((Http2ResetFrame) evt).errorCode();
                Http2Error error = Http2Error.valueOf(code);
                handler.streamFailed("the server reset the HTTP/2 stream (" + (error == null ? code : error) + ")");
            }
            ReferenceCountUtil.release(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            handler.closed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handler.networkError(cause);
        }
    }
}
