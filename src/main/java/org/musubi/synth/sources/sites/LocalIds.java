package org.musubi.synth.sources.sites;

import java.util.SplittableRandom;

/**
 * How one facility numbers its patients: fixed-width, zero-padded numbers of 7, 8 or 10 digits
 * (wider when the population needs it), given by an affine permutation of the person's index, so
 * every person gets a different number at each facility without remembering the numbers given.
 */
public final class LocalIds {

    private static final int[] WIDTHS = {7, 8, 10};
    private static final long MAX_INDEX = 1L << 32;

    private final int digits;
    private final long modulus;
    private final long step;
    private final long shift;

    LocalIds(SplittableRandom random, long population) {
        int width = WIDTHS[random.nextInt(WIDTHS.length)];
        long size = pow10(width);
        while (size < population * 10) {
            width++;
            size *= 10;
        }
        this.digits = width;
        this.modulus = size;
        this.step = coprimeToTen(random);
        this.shift = random.nextLong(size);
    }

    /** The patient ID of the person at this index. */
    public String of(long personIndex) {
        if (personIndex < 0 || personIndex >= MAX_INDEX) {
            throw new IllegalArgumentException("person index out of range: " + personIndex);
        }
        String number = Long.toString(Math.floorMod(step * personIndex + shift, modulus));
        return "0".repeat(digits - number.length()) + number;
    }

    /** A multiplier below 2^31 ending in 1, 3, 7 or 9: coprime to every power of ten. */
    private static long coprimeToTen(SplittableRandom random) {
        long candidate = random.nextLong(1, (1L << 31) - 16);
        while (candidate % 2 == 0 || candidate % 5 == 0) {
            candidate++;
        }
        return candidate;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
