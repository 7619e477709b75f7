package org.musubi.synth;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.List;
import java.util.function.ToIntFunction;

/** Relative weights of a list of choices; draws an index with probability proportional to its weight. */
public final class Weights {

    private final int[] cumulative;

    public Weights(int... weights) {
        cumulative = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                throw new IllegalArgumentException("weights must be positive");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("no choices");
        }
    }

    public static <T> Weights of(List<T> choices, ToIntFunction<T> weight) {
        return new Weights(choices.stream().mapToInt(weight).toArray());
    }

    public int draw(SplittableRandom random) {
        int ticket = random.nextInt(cumulative[cumulative.length - 1]) + 1;
        int found = Arrays.binarySearch(cumulative, ticket);
        return found >= 0 ? found : -found - 1;
    }
}
