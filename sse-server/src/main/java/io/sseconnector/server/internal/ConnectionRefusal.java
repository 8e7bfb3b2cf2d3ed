package io.sseconnector.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline of a connection over {@code maxConnections}: a 503 written at once, without
 * reading the request, then the end of our side. What the client sends meanwhile is read and
 * dropped, so closing does not turn into a reset that would lose the 503 before the client reads it;
 * the connection ends when the client closes its side (Netty closes on end of input), or after
 * {@link #LINGER_MS}.
 */
final class ConnectionRefusal extends ChannelInboundHandlerAdapter {
    static final String NAME = "refusal";
    static final long LINGER_MS = 2_000;
    private static final byte[] RESPONSE = ("HTTP/1.1 503 Service Unavailable\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Retry-After: 5\r\n"
                    + "Connection: close\r\n"
                    + "Content-Length: 51\r\n"
                    + "\r\n"
                    + "{\"error\":\"too many connections; try again shortly\"}")
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ByteBuf response = Unpooled.wrappedBuffer(RESPONSE);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && ctx.channel() instanceof SocketChannel socket) {
                socket.shutdownOutput();
            }
        });
        ctx.executor().schedule(() -> ctx.close(), LINGER_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
