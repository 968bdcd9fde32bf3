package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.rules.CartPricing;

/**
 * The stages of one engine, built once and shared by its operations (all stateless, thread-safe).
 *
 * @param config      the wiring
 * @param access      who may act on which cart
 * @param lifecycle   the transitions
 * @param pricing     pricing from a snapshot
 * @param idempotency the stored responses
 * @param publish     events to the outbox and the publisher
 * @param commit      the retry loop and the atomic write
 * @param entry       where every operation enters: observed and guarded
 */
public record Stages(EngineConfig config, Access access, Lifecycle lifecycle, CartPricing pricing,
                     Idempotency idempotency, Publish publish, Commit commit, Entry entry) {

    /** The stages of an engine with this wiring. */
    public static Stages of(EngineConfig config) {
        Publish publish = new Publish(config.events(), config.observer());
        return new Stages(config, new Access(config),
                new Lifecycle(config.guestTtl(), config.customerTtl()),
                new CartPricing(config.pricer(), config.pricingPolicy()),
                new Idempotency(config.repository(), config.idempotencyTtl()), publish, new Commit(config, publish),
                new Entry(config.observer()));
    }
}
