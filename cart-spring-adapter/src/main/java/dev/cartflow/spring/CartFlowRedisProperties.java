package dev.cartflow.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** cart-redis options ({@code cartflow.redis.*}); cart-redis is used once {@code uri} or {@code cluster-nodes} is set. */
@ConfigurationProperties("cartflow.redis")
public class CartFlowRedisProperties {
    /** Whether cart-redis is used when a URI is set (false keeps the URI but switches Redis off). */
    private boolean enabled = true;
    /**
     * Redis URI of a single server, for example redis://localhost:6379; when unset, and cluster-nodes too,
     * Redis is off.
     */
    private @Nullable String uri;
    /** Seed URIs of a Redis Cluster; used instead of uri when given, not used when unset. */
    private List<String> clusterNodes = new ArrayList<>();
    /** Timeout of each Redis command; past it the cache answers from the repository. */
    private Duration commandTimeout = Duration.ofMillis(250);
    /** Prefix of every key CartFlow writes. */
    private String keyPrefix = "cartflow";
    /** CACHE: Redis caches carts in front of the repository (PostgreSQL); STORE: Redis is the repository. */
    private Role role = Role.CACHE;
    /** Entries of the in-process near cache in front of Redis; 0 turns it off. */
    private long nearCacheSize;
    /** How long a near-cache entry is trusted before Redis is asked again. */
    private Duration nearCacheTtl = Duration.ofSeconds(5);
    /** Whether rate limits (cartflow.rate-limits) take their buckets from Redis, shared by every instance. */
    private boolean rateLimits = true;

    /** What Redis is for. */
    public enum Role {
        /** A cache in front of the repository. */
        CACHE,
        /** The repository itself. */
        STORE
    }

    /** @return whether cart-redis is used */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether cart-redis is used */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the URI, or null */
    public @Nullable String getUri() {
        return uri;
    }

    /** @param uri the URI of a single server */
    public void setUri(@Nullable String uri) {
        this.uri = uri;
    }

    /** @return the cluster seed URIs */
    public List<String> getClusterNodes() {
        return clusterNodes;
    }

    /** @param clusterNodes the cluster seed URIs */
    public void setClusterNodes(List<String> clusterNodes) {
        this.clusterNodes = Checked.present("cartflow.redis.cluster-nodes", clusterNodes);
    }

    /** @return the command timeout */
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    /** @param commandTimeout the command timeout, positive */
    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = Checked.positive("cartflow.redis.command-timeout", commandTimeout);
    }

    /** @return the key prefix */
    public String getKeyPrefix() {
        return keyPrefix;
    }

    /** @param keyPrefix the key prefix, not blank */
    public void setKeyPrefix(String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("cartflow.redis.key-prefix must not be blank");
        }
        this.keyPrefix = keyPrefix;
    }

    /** @return the role */
    public Role getRole() {
        return role;
    }

    /** @param role the role */
    public void setRole(Role role) {
        this.role = Checked.present("cartflow.redis.role", role);
    }

    /** @return the near-cache size */
    public long getNearCacheSize() {
        return nearCacheSize;
    }

    /** @param nearCacheSize the near-cache size, 0 for none */
    public void setNearCacheSize(long nearCacheSize) {
        this.nearCacheSize = Checked.atLeast("cartflow.redis.near-cache-size", nearCacheSize, 0);
    }

    /** @return the near-cache TTL */
    public Duration getNearCacheTtl() {
        return nearCacheTtl;
    }

    /** @param nearCacheTtl the near-cache TTL, positive */
    public void setNearCacheTtl(Duration nearCacheTtl) {
        this.nearCacheTtl = Checked.positive("cartflow.redis.near-cache-ttl", nearCacheTtl);
    }

    /** @return whether rate limits use Redis */
    public boolean isRateLimits() {
        return rateLimits;
    }

    /** @param rateLimits whether rate limits use Redis */
    public void setRateLimits(boolean rateLimits) {
        this.rateLimits = rateLimits;
    }
}
