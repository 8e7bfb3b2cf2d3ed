package io.sseconnector.client.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A scriptable HTTP/1.1 server on 127.0.0.1 for SSE client tests, in the spirit of OkHttp's
 * MockWebServer. Each connection gets one request: the server reads the request head, records it,
 * and plays the next {@link ScriptedResponse} from the queue (or the dispatcher's answer when the
 * queue is empty; by default {@code 404}). Responses carry {@code Connection: close}, so every
 * request arrives on a new connection.
 *
 * <p>A plain {@link ServerSocket} with one accept thread and one thread per connection: tests can
 * stall, pause, reset and write malformed HTTP at will. Not meant for load.
 *
 * <pre>{@code
 * try (ScriptedSseServer server = ScriptedSseServer.start()) {
 *     server.enqueue(ScriptedResponse.sse().chunk("id: 1\ndata: x\n\n"));
 *     URI url = server.url("/events");
 *     ...
 *     RecordedRequest request = server.takeRequest();
 * }
 * }</pre>
 */
public final class ScriptedSseServer implements AutoCloseable {
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocket serverSocket;
    private final String scheme;
    private final BlockingQueue<ScriptedResponse> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Thread acceptThread;
    private volatile Function<RecordedRequest, ScriptedResponse> dispatcher = request -> ScriptedResponse.status(404);
    private volatile boolean closed;

    private ScriptedSseServer(ServerSocket serverSocket, String scheme) {
        this.serverSocket = serverSocket;
        this.scheme = scheme;
        this.acceptThread = new Thread(this::acceptLoop, "scripted-sse-accept-" + serverSocket.getLocalPort());
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    /** A plain-HTTP server on 127.0.0.1 and an ephemeral port. */
    public static ScriptedSseServer start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        return new ScriptedSseServer(socket, "http");
    }

    /**
     * An https server on 127.0.0.1 and an ephemeral port, with the key and trust material of
     * {@code context}; {@code needClientAuth} demands a client certificate (mutual TLS).
     */
    public static ScriptedSseServer startTls(SSLContext context, boolean needClientAuth) throws IOException {
        SSLServerSocket socket =
                (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        socket.setNeedClientAuth(needClientAuth);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        return new ScriptedSseServer(socket, "https");
    }

    /** {@code http://127.0.0.1:PORT} + {@code path} (https for {@link #startTls}). */
    public URI url(String path) {
        return URI.create(scheme + "://127.0.0.1:" + port() + path);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Queues the response for the next connection. */
    public void enqueue(ScriptedResponse response) {
        queue.add(Objects.requireNonNull(response, "response"));
    }

    /** The response for every connection that finds the queue empty (initially {@code 404}). */
    public void setDefault(ScriptedResponse response) {
        Objects.requireNonNull(response, "response");
        setDispatcher(request -> response);
    }

    /** Chooses the response for every connection that finds the queue empty. */
    public void setDispatcher(Function<RecordedRequest, ScriptedResponse> value) {
        dispatcher = Objects.requireNonNull(value, "dispatcher");
    }

    /** The next recorded request, waiting up to {@code timeout}; {@code null} if none came. */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next recorded request, waiting up to 10 s; throws {@link AssertionError} if none came. */
    public RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = takeRequest(DEFAULT_TAKE_TIMEOUT);
        if (request == null) {
            throw new AssertionError(
                    "no request within " + DEFAULT_TAKE_TIMEOUT + " (" + requestCount() + " requests so far)");
        }
        return request;
    }

    /** Requests read so far (including those already taken). */
    public int requestCount() {
        return requestCount.get();
    }

    /** Connections accepted so far. */
    public int connectionCount() {
        return connectionCount.get();
    }

    /** Connections open right now (a hanging response ends when the client closes its side). */
    public int openConnections() {
        return openSockets.size();
    }

    /** Stops accepting, closes every connection and stops the threads. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        try {
            acceptThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            int index = connectionCount.getAndIncrement();
            openSockets.add(socket);
            Thread thread = new Thread(() -> serve(socket), "scripted-sse-conn-" + port() + "-" + index);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RecordedRequest request = readHead(in);
            if (request == null) {
                return; // closed (or not HTTP) before a full head
            }
            ScriptedResponse response = queue.poll();
            if (response == null) {
                response = dispatcher.apply(request);
            }
            requests.add(request);
            play(response, socket, in);
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server is closing: nothing to report
        } finally {
            closeQuietly(socket);
            openSockets.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    private static void play(ScriptedResponse response, Socket socket, InputStream in)
            throws IOException, InterruptedException {
        if (!response.answers()) {
            return;
        }
        sleep(response.headDelay());
        OutputStream out = socket.getOutputStream();
        out.write(response.head());
        out.flush();
        for (ScriptedResponse.Step step : response.steps()) {
            if (step instanceof ScriptedResponse.Bytes) {
                byte[] bytes = ((ScriptedResponse.Bytes) step).bytes();
                if (response.isChunked()) {
                    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                    out.write(CRLF);
                } else {
                    out.write(bytes);
                }
            } else if (step instanceof ScriptedResponse.Pause) {
                sleep(((ScriptedResponse.Pause) step).duration());
            } else {
                ((ScriptedResponse.Custom) step).writer().write(out);
            }
            out.flush();
        }
        switch (response.ending()) {
            case HANG:
                // Wait for the client (or close()) to end the connection; discard anything sent.
                while (in.read() >= 0) {
                    // discard
                }
                break;
            case RESET:
                socket.setSoLinger(true, 0);
                break;
            case CLOSE:
            default:
                if (response.isChunked()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                socket.shutdownOutput();
                break;
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /** Reads up to the blank line; {@code null} if the stream ends first. */
    private RecordedRequest readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int tail = 0; // the last four bytes read, packed
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            tail = tail << 8 | b;
            if (tail == 0x0D0A0D0A || (tail & 0xFFFF) == 0x0A0A) {
                break;
            }
        }
        List<byte[]> lines = splitLines(head.toByteArray());
        String requestLine = new String(lines.get(0), StandardCharsets.ISO_8859_1);
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            int colon = indexOf(line, (byte) ':');
            if (colon <= 0) {
                continue;
            }
            int start = colon + 1;
            int end = line.length;
            while (start < end && (line[start] == ' ' || line[start] == '\t')) {
                start++;
            }
            while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
                end--;
            }
            byte[] value = new byte[end - start];
            System.arraycopy(line, start, value, 0, value.length);
            headers.add(new AbstractMap.SimpleImmutableEntry<>(
                    new String(line, 0, colon, StandardCharsets.ISO_8859_1), value));
        }
        return new RecordedRequest(requestCount.getAndIncrement(), requestLine, headers);
    }

    private static List<byte[]> splitLines(byte[] head) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                int end = i > start && head[i - 1] == '\r' ? i - 1 : i;
                if (end > start) {
                    byte[] line = new byte[end - start];
                    System.arraycopy(head, start, line, 0, line.length);
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "ScriptedSseServer[" + url("/") + ", " + requestCount() + " requests, " + queue.size() + " queued]";
    }
}
