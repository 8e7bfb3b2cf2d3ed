package io.sseconnector.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AttributeKey;
import io.sseconnector.server.EventLog;
import io.sseconnector.server.Response;
import io.sseconnector.server.Routes;
import io.sseconnector.server.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

/**
 * Routes each request to its handler and writes the answer: a full response (the connection stays
 * open when the client keeps it alive), or SSE response headers after which the connection belongs
 * to an {@link EventLog} and later requests on it are ignored.
 */
final class RequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String NAME = "dispatcher";
    /** Set on connections that became SSE streams, so that shutdown can end them cleanly. */
    static final AttributeKey<Boolean> STREAMING = AttributeKey.valueOf("sse-streaming");

    private static final System.Logger LOG = System.getLogger(RequestDispatcher.class.getName());

    private final Routes routes;
    private final long keepAliveNanos;
    private final ServerLimits limits;

    RequestDispatcher(Routes routes, long keepAliveNanos, ServerLimits limits) {
        this.routes = routes;
        this.keepAliveNanos = keepAliveNanos;
        this.limits = limits;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (ctx.channel().hasAttr(STREAMING)) {
            return; // an SSE stream owns this connection
        }
        if (request.decoderResult().isFailure()) {
            sendAndClose(ctx, refusal(ctx, request.decoderResult().cause()));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        NettyRequest view =
                NettyRequest.of(request, uri, (InetSocketAddress) ctx.channel().remoteAddress());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Response response = switch (routes.find(view.method(), view.path())) {
            case Routes.Found found -> invoke(found, view);
            case Routes.NotFound notFound -> Response.json(404, error("no route for " + view.path()));
            case Routes.MethodNotAllowed notAllowed ->
                Response.json(405, error(view.method() + " is not allowed on " + view.path()))
                        .withHeader(HttpHeaderNames.ALLOW.toString(), String.join(", ", notAllowed.allowed()));
        };
        switch (response) {
            case Response.Full full -> send(ctx, request.protocolVersion(), full, keepAlive);
            case Response.Sse sse -> stream(ctx, request.protocolVersion(), sse);
        }
    }

    /** The answer to a request the decoder could not read: too large a head is told apart from garbage. */
    private Response.Full refusal(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            int max = limits.limits().maxHeaderBytes();
            limits.headTooLarge(ctx.channel(), 431, "request headers over " + max + " bytes (maxHeaderBytes)");
            return Response.json(431, error("request headers too large (at most " + max + " bytes)"));
        }
        if (cause instanceof TooLongHttpLineException) {
            int max = ServerConfig.Limits.MAX_REQUEST_LINE_BYTES;
            limits.headTooLarge(ctx.channel(), 414, "request line over " + max + " bytes");
            return Response.json(414, error("request line too long (at most " + max + " bytes)"));
        }
        return Response.json(400, error("malformed request"));
    }

    private static Response invoke(Routes.Found found, NettyRequest view) {
        try {
            return found.handler().handle(view.withPathParams(found.pathParams()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "handler for " + view + " failed; answering 500", e);
            return Response.json(500, error("internal error"));
        }
    }

    private static void send(ChannelHandlerContext ctx, HttpVersion version, Response.Full full, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                version, HttpResponseStatus.valueOf(full.status()), Unpooled.wrappedBuffer(full.body()));
        full.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, full.contentType());
        HttpUtil.setContentLength(response, full.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void sendAndClose(ChannelHandlerContext ctx, Response.Full full) {
        send(ctx, HttpVersion.HTTP_1_1, full, false);
    }

    private void stream(ChannelHandlerContext ctx, HttpVersion version, Response.Sse sse) {
        if (!(sse.log() instanceof RingEventLog log)) {
            throw new IllegalArgumentException("SSE responses stream logs made by EventLog.create");
        }
        HttpResponse response = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                // Reverse proxies such as nginx would otherwise buffer the stream.
                .set("X-Accel-Buffering", "no");
        if (version.equals(HttpVersion.HTTP_1_0)) {
            HttpUtil.setKeepAlive(response, false); // the body ends when the connection does
        } else {
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        ctx.channel().attr(STREAMING).set(Boolean.TRUE);
        ctx.writeAndFlush(response, ctx.voidPromise());
        log.subscribe(ctx.channel(), sse.lastEventId(), sse.policy(), keepAliveNanos);
    }

    private static String error(String message) {
        StringBuilder json = new StringBuilder("{\"error\":\"");
        for (char c : message.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append("\"}").toString();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.log(Level.DEBUG, () -> "connection " + ctx.channel().remoteAddress() + " failed: " + cause);
        } else {
            LOG.log(Level.WARNING, "connection " + ctx.channel().remoteAddress() + " failed; closing it", cause);
        }
        ctx.close();
    }
}
