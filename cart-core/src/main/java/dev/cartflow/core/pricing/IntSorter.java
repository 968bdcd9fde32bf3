package dev.cartflow.core.pricing;

/**
 * Stable sort of {@code int} indices with a primitive comparator, so that ordering lines (cheapest
 * units, largest remainders) needs neither boxing nor a fresh array per call.
 */
final class IntSorter {
    private IntSorter() {
    }

    /** Orders two indices. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    /** Sorts {@code a[0..n)} stably; {@code tmp} must hold at least {@code n} elements. */
    static void sort(int[] a, int n, int[] tmp, IntComparator cmp) {
        if (n < 2) {
            return;
        }
        if (n <= 24) {
            insertion(a, 0, n, cmp);
            return;
        }
        final int run = 16;
        for (int lo = 0; lo < n; lo += run) {
            insertion(a, lo, Math.min(lo + run, n), cmp);
        }
        int[] src = a;
        int[] dst = tmp;
        for (int width = run; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += width << 1) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + (width << 1), n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // "<= 0" takes from the left run on ties: that is what keeps the sort stable
                    dst[k++] = cmp.compare(src[i], src[j]) <= 0 ? src[i++] : src[j++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    private static void insertion(int[] a, int from, int to, IntComparator cmp) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && cmp.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
