package dev.cartflow.service.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gRPC server beside the HTTP one, on its own port ({@code cartservice.grpc.port}; 0 binds a free
 * one, which {@link #port()} tells). It starts with the application and stops gracefully: new calls
 * are refused, running ones get the grace period, then what is left (event streams) is cancelled.
 * It also serves the standard health service and server reflection.
 */
public final class GrpcServer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

    private final int configuredPort;
    private final Duration grace;
    private final BindableService carts;
    private final HealthStatusManager health = new HealthStatusManager();
    private volatile Server server;

    GrpcServer(int port, Duration grace, BindableService carts) {
        this.configuredPort = port;
        this.grace = grace;
        this.carts = carts;
    }

    /**
     * The port the server listens on.
     *
     * @return the bound port (the free one chosen for a configured 0)
     * @throws IllegalStateException when the server is not running
     */
    public int port() {
        Server running = server;
        if (running == null) {
            throw new IllegalStateException("the gRPC server is not running");
        }
        return running.getPort();
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Server built = NettyServerBuilder.forAddress(new InetSocketAddress(configuredPort))
                .addService(ServerInterceptors.intercept(carts, new GrpcCredentials()))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build();
        try {
            built.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the gRPC server cannot listen on port " + configuredPort, e);
        }
        health.setStatus("", ServingStatus.SERVING);
        server = built;
        LOG.info("gRPC server listening on port {}", built.getPort());
    }

    @Override
    public synchronized void stop() {
        Server running = server;
        if (running == null) {
            return;
        }
        health.enterTerminalState();
        running.shutdown();
        try {
            if (!running.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
                running.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
        LOG.info("gRPC server stopped");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
