package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTest {
    private static List<Knee.Point> ramp(int[] clients, double[] throughput) {
        List<Knee.Point> points = new ArrayList<>();
        for (int i = 0; i < clients.length; i++) {
            points.add(new Knee.Point(clients[i], throughput[i]));
        }
        return points;
    }

    @Test
    void of_throughputFlattens_kneeIsTheBestStepBeforeTheFirstFlatOne() {
        List<Knee.Point> ramp = ramp(new int[] {1, 2, 4, 8, 16}, new double[] {400, 780, 1500, 1540, 1300});

        Knee knee = Knee.of(ramp, 0.05);

        assertThat(knee.found()).isTrue();
        assertThat(knee.clients()).isEqualTo(4);
        assertThat(knee.throughput()).isEqualTo(1500);
        assertThat(knee.stoppedAt()).isEqualTo(8);
    }

    @Test
    void of_growthJustAboveTheThreshold_keepsGoing() {
        double base = 1000;
        List<Knee.Point> ramp = ramp(new int[] {1, 2, 4}, new double[] {base, base * 1.06, base * 1.06 * 1.01});

        Knee knee = Knee.of(ramp, 0.05);

        assertThat(knee.clients()).isEqualTo(2);
        assertThat(knee.stoppedAt()).isEqualTo(4);
    }

    @Test
    void of_stillGrowingAtTheEnd_noKneeAndTheLastStepNamed() {
        Knee knee = Knee.of(ramp(new int[] {1, 2, 4}, new double[] {100, 200, 400}), 0.05);

        assertThat(knee.found()).isFalse();
        assertThat(knee.clients()).isEqualTo(4);
        assertThat(knee.stoppedAt()).isZero();
    }

    @Test
    void of_emptyOrUnorderedRamp_isRefused() {
        assertThatThrownBy(() -> Knee.of(List.of(), 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Knee.of(ramp(new int[] {4, 2}, new double[] {1, 2}), 0.05))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepRamping_flatForPatienceSteps_stops() {
        List<Knee.Point> ramp = ramp(new int[] {1, 2, 4, 8}, new double[] {100, 200, 201, 199});

        assertThat(Knee.keepRamping(ramp.subList(0, 3), 0.05, 2)).isTrue();
        assertThat(Knee.keepRamping(ramp, 0.05, 2)).isFalse();
    }

    @Test
    void keepRamping_growthAfterAFlatStep_resetsThePatience() {
        List<Knee.Point> ramp = ramp(new int[] {1, 2, 4, 8}, new double[] {100, 101, 300, 302});

        assertThat(Knee.keepRamping(ramp, 0.05, 2)).isTrue();
    }
}
