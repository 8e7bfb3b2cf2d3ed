package io.sseconnector.connector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay to an upstream port that a test can cut: every relayed connection is reset
 * and new ones are refused until {@link #restore()}. Simulates a network cut between the bridge and
 * the broker while the broker (and its subscribers) stay up. {@link #stall()} first makes the
 * network a black hole, so that a cut then destroys what was in flight.
 */
public final class TcpCutter implements AutoCloseable {
    private final int upstreamPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean stalled;
    private volatile boolean closed;

    public TcpCutter(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread accept = new Thread(this::acceptLoop, "tcp-cutter-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Stops relaying, both ways, without closing anything: bytes sent meanwhile wait in the relay
     * and the socket buffers, and a {@link #cut()} destroys them.
     */
    public void stall() {
        stalled = true;
    }

    /** Resets every relayed connection (what a stall held back is lost) and refuses new ones. */
    public void cut() {
        cut = true;
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        sockets.clear();
    }

    /** Accepts and relays connections again. */
    public void restore() {
        stalled = false;
        cut = false;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            while (stalled && !to.isClosed()) {
                                Thread.sleep(5);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException ended) {
                        // one side closed or was cut
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                },
                "tcp-cutter-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
        server.close();
    }
}
