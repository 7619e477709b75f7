package org.musubi.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void drawsEachIndexInProportionToItsWeight() {
        Weights weights = new Weights(1, 3, 6);
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[3];
        for (int i = 0; i < 10_000; i++) {
            counts[weights.draw(random)]++;
        }

        assertThat(counts[0]).isBetween(800, 1_200);
        assertThat(counts[1]).isBetween(2_700, 3_300);
        assertThat(counts[2]).isBetween(5_600, 6_400);
    }

    @Test
    void rejectsNoChoicesAndNonPositiveWeights() {
        assertThatIllegalArgumentException().isThrownBy(Weights::new);
        assertThatIllegalArgumentException().isThrownBy(() -> new Weights(2, 0));
    }
}
