package org.musubi.research;

import java.util.List;

/** Counts persons in the database; opted-out persons are never counted. */
public interface CohortCounter {

    /** The age bands' lower bounds (years) the table is cut into; the last is open. */
    List<Integer> BANDS = List.of(0, 20, 40, 65, 75);

    /** A cell of the count: a sex ({@code MALE}, {@code FEMALE}, {@code OTHER}) and an age band's index. */
    record Cell(String sex, int band, long count) {
    }

    List<Cell> count(CountQuery query);

    /**
     * The persons {@link #count} counts, by id: the cohort a de-identified extraction reads (opted-out persons, and
     * persons merged from one who opted out, never among them).
     */
    List<Long> members(CountQuery query);
}
