package io.sseconnector.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP CONNECT proxy on 127.0.0.1 for tests: it answers {@code CONNECT host:port} with 200
 * and pipes bytes both ways. When built with a required {@code Proxy-Authorization} value, other
 * requests get {@code 407}. Every CONNECT head is recorded.
 */
public final class ConnectProxy implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final String requiredAuthorization;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ConnectProxy(String requiredAuthorization) throws IOException {
        this.requiredAuthorization = requiredAuthorization;
        serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        daemon(this::acceptLoop, "connect-proxy-accept").start();
    }

    /** A proxy that lets every CONNECT through. */
    public static ConnectProxy start() throws IOException {
        return new ConnectProxy(null);
    }

    /** A proxy that demands this exact {@code Proxy-Authorization} value (e.g. {@code Basic ...}). */
    public static ConnectProxy startWithAuthorization(String proxyAuthorization) throws IOException {
        return new ConnectProxy(proxyAuthorization);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The request heads received, in order (e.g. {@code CONNECT 127.0.0.1:8080 HTTP/1.1\r\n...}). */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        sockets.forEach(ConnectProxy::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = serverSocket.accept();
                sockets.add(client);
                daemon(() -> handle(client), "connect-proxy-conn").start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            heads.add(head);
            OutputStream out = client.getOutputStream();
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            if (!requestLine[0].equals("CONNECT") || requestLine.length < 2) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (requiredAuthorization != null
                    && !head.toLowerCase(Locale.ROOT)
                            .contains("proxy-authorization: " + requiredAuthorization.toLowerCase(Locale.ROOT))) {
                out.write("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            int colon = requestLine[1].lastIndexOf(':');
            Socket target = new Socket(
                    requestLine[1].substring(0, colon), Integer.parseInt(requestLine[1].substring(colon + 1)));
            sockets.add(target);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            daemon(() -> pipe(target, client), "connect-proxy-down").start();
            pipe(client, target);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int tail = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            tail = tail << 8 | b;
            if (tail == 0x0D0A0D0A || head.size() > 16 * 1024) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
