package dev.cartflow.redis;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.AddressPersonalDataContract;
import java.util.List;

/** The address as personal data on {@link RedisCartRepository}: every key under the prefix is searched. */
class RedisAddressDataTest extends AddressPersonalDataContract {
    private String prefix;

    @Override
    protected CartRepository newRepository() {
        prefix = TestRedis.freshPrefix();
        return RedisCartRepository.builder(TestRedis.client()).keyPrefix(prefix).build();
    }

    @Override
    protected List<String> storedText() {
        return RedisStoredText.under(TestRedis.client(), prefix);
    }
}
