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
     * Starts the service.
     *
     * @param args Spring Boot command-line arguments, for example {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(CartServiceApplication.class, args);
    }
}
