package io.sseconnector.client.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;

/**
 * An HTTP/2-only https server on 127.0.0.1 (ALPN offers {@code h2} and nothing else) that plays
 * {@link ScriptedResponse}s on each stream: headers, then each chunk as a DATA frame, pauses, and
 * the ending (CLOSE ends the stream, RESET sends RST_STREAM, HANG keeps it open). {@link
 * ScriptedResponse#acceptAndClose()} resets the stream; {@code write(...)} steps are not
 * supported. Requests are recorded as {@code GET /path HTTP/2} with the pseudo-headers {@code
 * :authority} and {@code :scheme} among the headers.
 */
public final class H2SseServer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel serverChannel;
    private final BlockingQueue<ScriptedResponse> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private volatile ScriptedResponse fallback = ScriptedResponse.status(404);

    private H2SseServer(SslContext ssl) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        ch.closeFuture().addListener(f -> connections.remove(ch));
                        ch.pipeline()
                                .addLast(ssl.newHandler(ch.alloc()))
                                .addLast(Http2FrameCodecBuilder.forServer().build())
                                .addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                                    @Override
                                    protected void initChannel(Channel stream) {
                                        stream.pipeline().addLast(new StreamHandler());
                                    }
                                }));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .sync()
                .channel();
    }

    /** Starts on an ephemeral port with this server key (and its chain). */
    public static H2SseServer start(KeyManagerFactory keys) throws Exception {
        SslContext ssl = SslContextBuilder.forServer(keys)
                .sslProvider(SslProvider.JDK)
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2))
                .build();
        return new H2SseServer(ssl);
    }

    public URI url(String path) {
        return URI.create("https://127.0.0.1:" + port() + path);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public void enqueue(ScriptedResponse response) {
        queue.add(response);
    }

    public void setDefault(ScriptedResponse response) {
        fallback = response;
    }

    /** The next request, waiting up to 10 s; throws {@link AssertionError} if none came. */
    public RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no HTTP/2 request within 10 s");
        }
        return request;
    }

    public int requestCount() {
        return requestCount.get();
    }

    /** TCP connections open right now. */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Plays one response on one HTTP/2 stream. */
    private final class StreamHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame) {
                    Http2Headers headers = ((Http2HeadersFrame) msg).headers();
                    requests.add(record(headers));
                    ScriptedResponse response = queue.poll();
                    play(ctx, response == null ? fallback : response);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private RecordedRequest record(Http2Headers headers) {
            List<Map.Entry<String, byte[]>> list = new ArrayList<>();
            for (Map.Entry<CharSequence, CharSequence> h : headers) {
                String name = h.getKey().toString();
                if (name.equals(":method") || name.equals(":path")) {
                    continue;
                }
                list.add(new AbstractMap.SimpleImmutableEntry<>(name, bytes(h.getValue())));
            }
            String line = headers.method() + " " + headers.path() + " HTTP/2";
            return new RecordedRequest(requestCount.getAndIncrement(), line, list);
        }

        private byte[] bytes(CharSequence value) {
            if (value instanceof AsciiString) {
                return ((AsciiString) value).toByteArray();
            }
            return value.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private void play(ChannelHandlerContext ctx, ScriptedResponse response) {
            if (!response.answers()) {
                ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.REFUSED_STREAM));
                return;
            }
            Http2Headers headers = new DefaultHttp2Headers().status(Integer.toString(response.status()));
            for (String[] h : response.headers()) {
                String name = h[0].toLowerCase(Locale.ROOT);
                if (!name.equals("connection") && !name.equals("transfer-encoding")) {
                    headers.add(name, h[1]);
                }
            }
            boolean bodyless = response.steps().isEmpty() && response.ending() == ScriptedResponse.Ending.CLOSE;
            ctx.writeAndFlush(new DefaultHttp2HeadersFrame(headers, bodyless));
            if (!bodyless) {
                step(ctx, response, 0);
            }
        }

        private void step(ChannelHandlerContext ctx, ScriptedResponse response, int index) {
            List<ScriptedResponse.Step> steps = response.steps();
            for (int i = index; i < steps.size(); i++) {
                ScriptedResponse.Step step = steps.get(i);
                if (step instanceof ScriptedResponse.Bytes) {
                    byte[] bytes = ((ScriptedResponse.Bytes) step).bytes();
                    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(bytes), false));
                } else if (step instanceof ScriptedResponse.Pause) {
                    Duration pause = ((ScriptedResponse.Pause) step).duration();
                    int next = i + 1;
                    ctx.executor().schedule(() -> step(ctx, response, next), pause.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } else {
                    throw new UnsupportedOperationException("write(...) steps are not supported over HTTP/2");
                }
            }
            switch (response.ending()) {
                case CLOSE:
                    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
                    break;
                case RESET:
                    ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL));
                    break;
                case HANG:
                default:
                    break;
            }
        }
    }
}
