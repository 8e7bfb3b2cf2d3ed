package io.sseconnector.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.SseClientException;
import io.sseconnector.core.SkippedEvent;
import io.sseconnector.core.SseEvent;
import io.sseconnector.core.SseHandler;
import io.sseconnector.core.SseParser;
import java.net.URI;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Instant;

/**
 * One connection attempt of a stream, the last handler of its pipeline: sends the GET, applies
 * the connection rules to the response head, feeds the body to a fresh {@link SseParser}, and
 * watches the clock (connect timeout until the head arrives, then the idle timeout). It reports
 * exactly one outcome to its {@link NettySseStream} and closes its channel.
 *
 * <p>On HTTP/1.1 it reads the socket's bytes itself through an {@link Http1ResponseDecoder}, so a
 * read reaches the parser in one piece, chunked or not; on HTTP/2 it gets HTTP objects from the
 * stream's codec ({@link Http2StreamRelay}).
 */
final class SseConnectionHandler extends ChannelInboundHandlerAdapter implements SseHandler, Http1ResponseDecoder.Sink {
    static final String NAME = "sse";

    private final NettySseStream stream;
    private final URI uri;
    private final int redirects;
    private HttpRequest request;

    private Channel channel;
    private SseParser parser;
    private boolean finished;
    /** https: the request waits for ALPN. */
    private boolean awaitingProtocol;
    /** After a non-200 head, or an interim 1xx: body parts are dropped. */
    private boolean discarding;

    private final ConnectionDeadline deadline;
    private final Http1ResponseDecoder http1 = new Http1ResponseDecoder(this);
    /**
     * HTTP/1.1: the unread rest of socket reads that a pause cut short (a read may be larger than
     * the slice the parser gets at a time); handed on by {@link #resume()}. Null when none.
     */
    private ByteBuf pending;
    /** The connection closed while bytes were pending: they are delivered despite a pause. */
    private boolean draining;

    SseConnectionHandler(NettySseStream stream, URI uri, int redirects, HttpRequest request) {
        this.stream = stream;
        this.uri = uri;
        this.redirects = redirects;
        this.request = request;
        this.deadline = new ConnectionDeadline(this, stream);
    }

    URI uri() {
        return uri;
    }

    SseParser parser() {
        return parser;
    }

    /** The connect future of the channel; a failure before the channel is active ends here. */
    void watch(ChannelFuture connect) {
        channel = connect.channel();
        deadline.start();
        connect.addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                networkError(future.cause());
            }
        });
    }

    // ---- pipeline events ---------------------------------------------------------------------------

    /** For https: the request waits until ALPN chose HTTP/1.1 or HTTP/2 (see {@link AlpnHandler}). */
    void awaitProtocol() {
        awaitingProtocol = true;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // A proxy handler holds the write until its CONNECT is done.
        if (!awaitingProtocol) {
            sendRequest(ctx);
        }
        ctx.fireChannelActive();
    }

    /** ALPN chose HTTP/1.1 (or the server offered nothing): the codec now sits before this handler. */
    void startHttp1(ChannelHandlerContext ctx) {
        awaitingProtocol = false;
        sendRequest(ctx);
    }

    /** ALPN chose HTTP/2: the request goes out on a new stream of the connection. */
    void startHttp2(Channel connection) {
        awaitingProtocol = false;
        if (finished) {
            return;
        }
        new Http2StreamChannelBootstrap(connection)
                .handler(new Http2StreamRelay(this))
                .open()
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        networkError(future.cause());
                    }
                });
    }

    void sendRequest(ChannelHandlerContext ctx) {
        HttpRequest r = request;
        if (r == null || finished) {
            return;
        }
        request = null;
        ctx.writeAndFlush(r).addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                networkError(future.cause());
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf) {
            onBytes((ByteBuf) msg);
        } else {
            onMessage(msg);
        }
    }

    /** HTTP/1.1: the response as it comes off the socket (or out of TLS). */
    private void onBytes(ByteBuf in) {
        if (pending != null) {
            // Bytes read before the pause took effect on the channel: they queue behind the rest.
            CompositeByteBuf queue = pending instanceof CompositeByteBuf
                    ? (CompositeByteBuf) pending
                    : in.alloc().compositeBuffer().addComponent(true, pending);
            pending = null;
            in = queue.addComponent(true, in);
        }
        boolean keep = false;
        try {
            if (!finished) {
                http1.decode(in);
                // A pause stopped the decoder inside this read: the rest waits for resume(). (Not
                // asked of paused() again: a resume from another thread may have come since, and
                // then its task, queued behind this read, hands the rest on.)
                keep = in.isReadable() && !finished && !http1.done();
            }
        } catch (MalformedResponseException e) {
            String what = parser == null ? "malformed response: " : "broken response body: ";
            retryable(what + e.getMessage(), -1, e, -1);
        } finally {
            if (keep) {
                pending = in;
            } else {
                in.release();
            }
        }
    }

    /** Whether the application paused the stream (it may do so from the listener, mid-read). */
    @Override
    public boolean paused() {
        return !draining && stream.isPaused();
    }

    /** An HTTP/1.1 response part, or one converted from an HTTP/2 stream; anything else is dropped. */
    void onMessage(Object msg) {
        try {
            if (finished) {
                return;
            }
            if (msg instanceof HttpResponse) {
                onHead((HttpResponse) msg);
            }
            if (msg instanceof HttpContent && !finished) {
                onContent((HttpContent) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed();
        ctx.fireChannelInactive();
    }

    /** The connection (or the HTTP/2 stream) closed. */
    void closed() {
        if (pending != null && !finished) {
            // Nothing more will come: what was read is delivered before the end, paused or not.
            ByteBuf rest = pending;
            pending = null;
            draining = true;
            onBytes(rest);
        }
        if (!finished) {
            String unfinished = http1.unfinishedBody();
            if (parser != null && unfinished != null) {
                retryable("broken response body: " + unfinished, -1, null, -1);
            } else if (parser != null) {
                endOfStream();
            } else {
                retryable("the connection closed before a response", -1, null, -1);
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent && !((SslHandshakeCompletionEvent) evt).isSuccess()) {
            networkError(((SslHandshakeCompletionEvent) evt).cause());
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        networkError(cause);
    }

    // ---- the response --------------------------------------------------------------------------------

    @Override
    public void onHead(HttpResponse response) {
        DecoderResult result = response.decoderResult();
        if (result.isFailure()) {
            retryable("malformed response: " + LogText.describe(result.cause()), -1, result.cause(), -1);
            return;
        }
        deadline.touch();
        int status = response.status().code();
        String statusLine = status + " " + response.status().reasonPhrase();
        switch (ResponseRules.action(status)) {
            case OPEN:
                String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
                if (!ResponseRules.isEventStream(contentType)) {
                    fatal(
                            statusLine + " with "
                                    + (contentType == null ? "no Content-Type" : "Content-Type " + contentType)
                                    + ", expected " + ResponseRules.EVENT_STREAM,
                            status);
                    return;
                }
                discarding = false;
                SseClientConfig config = stream.config();
                parser = new SseParser(this, config.limits(), stream.currentLastEventId());
                deadline.opened();
                stream.onOpened(this, uri, contentType);
                break;
            case REDIRECT:
                String location = response.headers().get(HttpHeaderNames.LOCATION);
                URI target = resolve(location);
                if (target == null) {
                    fatal(
                            statusLine + " with "
                                    + (location == null ? "no Location header" : "an unusable Location " + location),
                            status);
                    return;
                }
                finish();
                stream.onRedirect(this, uri, target, status, redirects + 1);
                break;
            case STOP:
                finish();
                stream.onNoContent(this, uri);
                break;
            case RETRY:
                long retryAfter = ResponseRules.retryAfterMillis(
                        response.headers().get(HttpHeaderNames.RETRY_AFTER), Instant.now());
                retryable(statusLine, status, null, retryAfter);
                break;
            case INTERIM:
                discarding = true; // its end of body follows (no bytes); then the real head
                break;
            case FAIL:
            default:
                fatal(statusLine, status);
                break;
        }
    }

    /** HTTP/2: a part of the response converted to HTTP/1 objects. */
    private void onContent(HttpContent content) {
        ByteBuf buf = content.content();
        int length = buf.readableBytes();
        if (length > 0 && !discarding && parser != null) {
            if (buf.hasArray()) {
                onBody(buf.array(), buf.arrayOffset() + buf.readerIndex(), length);
            } else {
                byte[] scratch = LoopScratch.get();
                for (int index = buf.readerIndex(), end = index + length; index < end && !finished; ) {
                    int n = Math.min(scratch.length, end - index);
                    buf.getBytes(index, scratch, 0, n);
                    onBody(scratch, 0, n);
                    index += n;
                }
            }
            if (finished) {
                return;
            }
        }
        DecoderResult result = content.decoderResult();
        if (result.isFailure()) {
            retryable("broken response body: " + LogText.describe(result.cause()), -1, result.cause(), -1);
        } else if (content instanceof LastHttpContent) {
            onBodyEnd();
        }
    }

    /**
     * Body bytes, from one socket read (HTTP/1.1) or one DATA frame (HTTP/2): the idle clock,
     * the byte counter and the last event id are updated once per call, not once per event.
     */
    @Override
    public void onBody(byte[] bytes, int offset, int length) {
        if (discarding || parser == null || finished) {
            return;
        }
        deadline.touch();
        stream.onBytes(length);
        parser.feed(bytes, offset, length);
        if (!finished) { // else the listener closed the stream
            stream.updateLastEventId(parser.lastEventId());
        }
    }

    /** The body ended by its framing; after an interim (1xx) response, the real head follows. */
    @Override
    public void onBodyEnd() {
        if (discarding) {
            discarding = false;
        } else if (parser != null && !finished) {
            endOfStream();
        }
    }

    private void endOfStream() {
        parser.end();
        stream.updateLastEventId(parser.lastEventId());
        finish();
        stream.onEndOfStream(this, uri);
    }

    private URI resolve(String location) {
        if (location == null || location.isEmpty()) {
            return null;
        }
        try {
            URI target = uri.resolve(location.trim());
            String scheme = target.getScheme();
            if (target.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            return target;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- SseHandler: the parser's output -----------------------------------------------------------

    @Override
    public void onEvent(SseEvent event) {
        if (!finished) {
            stream.onEvent(event);
        }
    }

    @Override
    public void onSkipped(SkippedEvent skipped) {
        if (!finished) {
            stream.onSkipped(uri, skipped);
        }
    }

    @Override
    public void onComment(String text) {
        if (!finished) {
            stream.onComment(text);
        }
    }

    @Override
    public void onRetry(long millis) {
        if (!finished) {
            stream.onRetryField(millis);
        }
    }

    // ---- flow control and timers ---------------------------------------------------------------------

    void pause() {
        if (channel != null) {
            channel.config().setAutoRead(false);
        }
    }

    void resume() {
        if (pending != null && !finished) {
            ByteBuf rest = pending;
            pending = null;
            onBytes(rest); // the listener may pause again: then the rest stays pending
        }
        if (channel != null && !finished && !stream.isPaused()) {
            channel.config().setAutoRead(true);
            deadline.resume();
        }
    }

    // ---- outcomes ------------------------------------------------------------------------------------

    /** A transport failure: certificate problems are fatal, everything else is retried. */
    void networkError(Throwable cause) {
        if (finished) {
            return;
        }
        if (isCertificateFailure(cause)) {
            fatal("TLS handshake failed: " + LogText.describe(cause), -1, cause);
        } else {
            retryable(LogText.describe(cause), -1, cause, -1);
        }
    }

    /** The stream broke off without an exception (a timeout, a reset): reconnect. */
    void streamFailed(String reason) {
        retryable(reason, -1, null, -1);
    }

    boolean isFinished() {
        return finished;
    }

    private void retryable(String reason, int status, Throwable cause, long retryAfterMillis) {
        if (finished) {
            return;
        }
        finish();
        stream.onRetryable(this, uri, reason, status, cause, retryAfterMillis);
    }

    private void fatal(String reason, int status) {
        fatal(reason, status, null);
    }

    private void fatal(String reason, int status, Throwable cause) {
        if (finished) {
            return;
        }
        finish();
        stream.onFatal(this, new SseClientException("GET " + LogText.url(uri) + ": " + reason, status, cause));
    }

    /** The stream moved on (closed, or the application closed it): end quietly. */
    void abandon() {
        finish();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        http1.stop();
        if (pending != null) {
            pending.release();
            pending = null;
        }
        deadline.cancel();
        if (request != null) {
            ReferenceCountUtil.release(request);
            request = null;
        }
        if (channel != null) {
            channel.close();
        }
    }

    /** A certificate that does not verify (unknown CA, wrong host name, expired) will not heal by retrying. */
    private static boolean isCertificateFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
