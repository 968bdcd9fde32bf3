package dev.cartflow.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The cart service: the CartFlow engine over HTTP (and gRPC) with a storefront page, on the
 * Spring Boot adapter. The default profile runs on embedded defaults (in-memory storage and the
 * demo shop); the {@code postgres} profile stores carts in PostgreSQL and caches them in Redis.
 */
@SpringBootApplication
public class CartServiceApplication {

    /**
     * Starts the service, or runs one of the jar's commands ({@code mint-token}, {@code grpc-call})
     * when the first argument names one.
     *
     * @param args Spring Boot command-line arguments, for example {@code --server.port=9090}
     */
    public static void main(String[] args) {
        if (Commands.run(args)) {
            return;
        }
        SpringApplication.run(CartServiceApplication.class, args);
    }
}
