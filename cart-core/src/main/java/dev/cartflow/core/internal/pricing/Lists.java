package dev.cartflow.core.internal.pricing;

import java.util.List;

/** Unmodifiable lists of result arrays without a second copy. */
final class Lists {
    private Lists() {
    }

    /**
     * An unmodifiable list of the elements of {@code a}: up to ten through the fixed-arity
     * {@code List.of} overloads, which keep their argument array instead of copying it as
     * {@code List.of(array)} does; the result records' {@code List.copyOf} then keeps the list.
     */
    static <E> List<E> of(E[] a) {
        switch (a.length) {
            case 0: return List.of();
            case 1: return List.of(a[0]);
            case 2: return List.of(a[0], a[1]);
            case 3: return List.of(a[0], a[1], a[2]);
            case 4: return List.of(a[0], a[1], a[2], a[3]);
            case 5: return List.of(a[0], a[1], a[2], a[3], a[4]);
            case 6: return List.of(a[0], a[1], a[2], a[3], a[4], a[5]);
            case 7: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
            case 8: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
            case 9: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
            case 10: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
            default: return List.of(a);
        }
    }
}
