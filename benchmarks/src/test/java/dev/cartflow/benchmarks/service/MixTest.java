package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixTest {
    private static final int DRAWS = 100_000;

    @Test
    void next_manySeededDraws_followTheWeightsWithinOnePercent() {
        Mix mix = Mix.standard();
        Map<Mix.Action, Integer> counts = new EnumMap<>(Mix.Action.class);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(mix.next(random), 1, Integer::sum);
        }
        for (Mix.Action action : Mix.Action.values()) {
            double expected = DRAWS * mix.percent(action) / 100.0;
            assertThat((double) counts.getOrDefault(action, 0)).as(action.name())
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(DRAWS * 0.01));
        }
    }

    @Test
    void next_allWeightOnCheckouts_alwaysChecksOut() {
        Mix mix = new Mix(0, 0, 100);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            assertThat(mix.next(random)).isEqualTo(Mix.Action.CHECKOUT);
        }
    }

    @Test
    void parse_threePercentages_givesThoseShares() {
        Mix mix = Mix.parse("60, 30, 10");

        assertThat(mix.percent(Mix.Action.READ)).isEqualTo(60);
        assertThat(mix.percent(Mix.Action.CHANGE_LINE)).isEqualTo(30);
        assertThat(mix.percent(Mix.Action.CHECKOUT)).isEqualTo(10);
    }

    @Test
    void new_sharesNotAddingUpToAHundred_isRefused() {
        assertThatThrownBy(() -> new Mix(70, 25, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mix.parse("70,30")).isInstanceOf(IllegalArgumentException.class);
    }
}
