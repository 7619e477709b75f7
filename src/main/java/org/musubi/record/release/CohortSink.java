package org.musubi.record.release;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where a research release's cohort goes, and nowhere else (issue 48): the de-identification pipeline implements it
 * ({@code deid}), so that the record hands what a release reads to a sink it declares and never knows what the sink
 * does with it. The sink reads the cohort's persons as often as it needs, in the same order each time.
 */
@FunctionalInterface
public interface CohortSink {

    /** The cohort, read a chunk of persons at a time, in the same order each time it is asked. */
    @FunctionalInterface
    interface Cohort {
        void each(Consumer<ReleasedRecords> person) throws IOException;
    }

    /** Reads {@code cohort} and says what it released (for the release's one audit row). */
    Released release(Cohort cohort) throws IOException;

    /**
     * What a release released: persons read, resources in and out, persons suppressed, and the k-anonymity reached
     * with its threshold (both null when no k-anonymity pass ran).
     */
    record Released(long persons, long resourcesIn, long resourcesOut, long suppressedPersons, Integer k,
                    Integer threshold) {
    }
}
