package dev.cartflow.benchmarks.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1. Other helpers start the same kinds of servers on this machine at the
 * same time, so a port is only ever asked of the kernel (bind to 0), never fixed.
 */
final class FreePorts {
    /** Redis Cluster's bus listens on the client port plus this offset. */
    static final int CLUSTER_BUS_OFFSET = 10_000;

    private FreePorts() {
    }

    /** A port the kernel just found free on the loopback address. */
    static int loopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * A port that is free together with its cluster bus port ({@value #CLUSTER_BUS_OFFSET} above), from
     * a range where both fit below 65536.
     */
    static int loopbackWithClusterBus() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(25_000);
            if (free(port) && free(port + CLUSTER_BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free pair of loopback ports for a Redis Cluster node");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }
}
