package org.musubi.imaging.reading;

import java.util.Objects;
import java.util.Optional;

/**
 * One study's double reading in a programme: two independent readers, each blind to the other's reading until both
 * are in, then a comparison step by a third reader (or the programme's chief) that records agreement or the final
 * reading. Immutable; each method answers the next state or refuses.
 *
 * @param first         the first reader
 * @param second        the second reader (never the first)
 * @param firstReading  the first reader's category, once submitted
 * @param secondReading the second reader's category, once submitted
 * @param comparer      who recorded the comparison, once recorded
 * @param finalReading  the final category, once compared
 */
public record DoubleReading(long first, long second, ScreeningCategory firstReading, ScreeningCategory secondReading,
        Long comparer, ScreeningCategory finalReading) {

    /** Where a double reading stands. */
    public enum Phase { READING, COMPARISON, FINAL }

    public DoubleReading {
        if (first == second) {
            throw new IllegalArgumentException("two different readers");
        }
    }

    public static DoubleReading assigned(long first, long second) {
        return new DoubleReading(first, second, null, null, null, null);
    }

    public Phase phase() {
        if (finalReading != null) {
            return Phase.FINAL;
        }
        return firstReading != null && secondReading != null ? Phase.COMPARISON : Phase.READING;
    }

    /** The reading {@code reader} submits; each reader submits once, before the comparison. */
    public DoubleReading submit(long reader, ScreeningCategory category) {
        Objects.requireNonNull(category);
        if (reader == first && firstReading == null) {
            return new DoubleReading(first, second, category, secondReading, null, null);
        }
        if (reader == second && secondReading == null) {
            return new DoubleReading(first, second, firstReading, category, null, null);
        }
        throw new ReadingItem.StepRefused("not this reader's reading to submit");
    }

    /**
     * The other reader's reading as {@code reader} may see it: nothing until both readings are in (the study has reached
     * its comparison step), and nothing for anybody who is neither of the two (the comparer reads both through the
     * comparison page).
     */
    public Optional<ScreeningCategory> othersReading(long reader) {
        if (phase() == Phase.READING) {
            return Optional.empty();
        }
        if (reader == first) {
            return Optional.of(secondReading);
        }
        if (reader == second) {
            return Optional.of(firstReading);
        }
        return Optional.empty();
    }

    /** Whether the two readings agree (only once both are in). */
    public boolean agree() {
        return phase() != Phase.READING && firstReading == secondReading;
    }

    /**
     * The comparison step by {@code comparer} (neither of the two readers): agreement (the final reading equals both)
     * or a final reading of the comparer's own.
     */
    public DoubleReading compare(long comparer, ScreeningCategory category) {
        Objects.requireNonNull(category);
        if (phase() != Phase.COMPARISON) {
            throw new ReadingItem.StepRefused("not at its comparison step");
        }
        if (comparer == first || comparer == second) {
            throw new ReadingItem.StepRefused("a reader does not compare their own reading");
        }
        return new DoubleReading(first, second, firstReading, secondReading, comparer, category);
    }
}
