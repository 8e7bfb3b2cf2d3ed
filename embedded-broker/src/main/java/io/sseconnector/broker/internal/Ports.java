package io.sseconnector.broker.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Which port the broker listens on: the requested one when it is free, else one the kernel picks. */
final class Ports {
    private Ports() {}

    /** Whether nothing listens on {@code host:port}: a trial bind, released at once. */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port in TIME_WAIT is free for a listener
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /**
     * A port that was free a moment ago. Another process could take it before the broker binds: the
     * broker then fails to start with a message naming the port. That is rare, and not retried: a
     * HiveMQ that failed to bind leaves threads behind, so a second one in the same process is no cure.
     */
    static int free(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        }
    }
}
