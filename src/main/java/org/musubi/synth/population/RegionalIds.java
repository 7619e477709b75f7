package org.musubi.synth.population;

import org.musubi.identity.RegionalId;
import org.musubi.synth.Seeds;
/**
 * Turns a person's index into a unique regional patient number without remembering the numbers
 * already given: a keyed four-round Feistel permutation on 50 bits, walked until the value falls
 * below 9 × 10^14 (a permutation of that range), offset so the 15 digits never start with 0,
 * then the Luhn check digit.
 */
public final class RegionalIds {

    public static final long CAPACITY = 900_000_000_000_000L;
    private static final long OFFSET = 100_000_000_000_000L;
    private static final int HALF_BITS = 25;
    private static final long HALF_MASK = (1L << HALF_BITS) - 1;
    private static final int ROUNDS = 4;

    private final long key;

    RegionalIds(long seed) {
        this.key = Seeds.derive(seed, Seeds.REGIONAL_IDS);
    }

    String of(long index) {
        if (index < 0 || index >= CAPACITY) {
            throw new IllegalArgumentException("index out of range: " + index);
        }
        long value = index;
        do {
            value = permute(value);
        } while (value >= CAPACITY);
        return RegionalId.append(Long.toString(OFFSET + value));
    }

    private long permute(long value) {
        long left = value >>> HALF_BITS;
        long right = value & HALF_MASK;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (Seeds.derive(key + round, right) & HALF_MASK);
            left = right;
            right = next;
        }
        return left << HALF_BITS | right;
    }
}
