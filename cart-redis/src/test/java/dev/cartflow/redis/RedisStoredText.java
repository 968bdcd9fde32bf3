package dev.cartflow.redis;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything stored under a key prefix (each key with all its values), and in an in-memory store. */
final class RedisStoredText {
    private RedisStoredText() {
    }

    static List<String> under(CartRedisClient client, String prefix) {
        RedisClusterCommands<String, String> redis = client.commands();
        List<String> text = new ArrayList<>();
        ScanIterator<String> keys = ScanIterator.scan(redis, ScanArgs.Builder.matches(prefix + "*").limit(500));
        while (keys.hasNext()) {
            String key = keys.next();
            String values = switch (redis.type(key)) {
                case "string" -> String.valueOf(redis.get(key));
                case "hash" -> String.valueOf(redis.hgetall(key));
                case "zset" -> String.valueOf(redis.zrange(key, 0, -1));
                case "set" -> String.valueOf(redis.smembers(key));
                case "list" -> String.valueOf(redis.lrange(key, 0, -1));
                default -> "";
            };
            text.add(key + " = " + values);
        }
        return text;
    }

    /** The values of an in-memory store's maps, read by reflection (it offers no scan). */
    static List<String> inMemory(Object store) {
        List<String> text = new ArrayList<>();
        synchronized (store) {
            for (Field field : store.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    ((Map<?, ?>) field.get(store)).forEach((k, v) -> text.add(field.getName() + ": " + k + " = " + v));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return text;
    }
}
