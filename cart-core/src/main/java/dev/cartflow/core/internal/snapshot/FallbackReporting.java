package dev.cartflow.core.internal.snapshot;

import java.util.function.Consumer;

/**
 * A provider decorator that can tell, call by call, whether its answer came from a fallback rather
 * than from the provider behind it ({@code core.resilience}). The snapshot of an attempt asks each
 * provider through such a view and so learns which figures are fallbacks without any thread-local
 * or shared state: the view belongs to that one attempt.
 *
 * @param <P> the provider interface the decorator implements
 */
public interface FallbackReporting<P> {
    /**
     * A view of this provider that reports each fallback answer.
     *
     * @param onFallback told the provider's name (one of {@link Fallbacks}' names) whenever an answer
     *                   given through the view came from a fallback
     * @return the view, of the same provider interface
     */
    P reportingTo(Consumer<String> onFallback);
}
