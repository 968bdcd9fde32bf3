package dev.cartflow.spring;

/** The real servers of this module's tests, for tests in other packages. */
public final class TestServers {
    private TestServers() {
    }

    /** A JDBC URL of the test PostgreSQL whose connections work in a new, empty schema. */
    public static String postgresUrlWithFreshSchema() {
        return Postgres.freshSchemaUrl();
    }

    /** The URI of the test Redis. */
    public static String redisUri() {
        return Redis.uri();
    }
}
