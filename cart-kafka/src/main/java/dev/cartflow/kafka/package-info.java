/**
 * Cart events to Kafka: {@link dev.cartflow.kafka.KafkaCartEventPublisher} writes the events the
 * outbox dispatcher (cart-jdbi) delivers to one topic, keyed by cart id, with an idempotent producer
 * and a versioned JSON payload; {@link dev.cartflow.kafka.KafkaCartEventReader} decodes the records on
 * the consumer side and de-duplicates redeliveries. See docs/kafka.md.
 */
@NullMarked
package dev.cartflow.kafka;

import org.jspecify.annotations.NullMarked;
