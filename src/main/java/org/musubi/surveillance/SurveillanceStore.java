package org.musubi.surveillance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the syndromes and the daily counts live (counts only: no patient). */
public interface SurveillanceStore {

    /** One municipality's count of one syndrome on one day (reported where entered, else derived, summed). */
    record Cell(String municipality, LocalDate day, String syndrome, long count) {
    }

    List<Syndrome> syndromes();

    /** What {@code facilityId} entered for {@code day}, by syndrome (absent: nothing entered). */
    Map<String, Integer> reported(long facilityId, LocalDate day);

    /** The facility's counts of {@code day} by syndrome as the dashboard counts them (reported, else derived). */
    Map<String, Integer> counted(long facilityId, LocalDate day);

    /** Every facility's counts of {@code day} as the dashboard counts them, by facility id, then by syndrome. */
    Map<Long, Map<String, Integer>> countedOn(LocalDate day);

    /** Stores what the facility entered for {@code day} (one row per syndrome given, replacing an earlier entry). */
    void report(long facilityId, LocalDate day, Map<String, Integer> counts, Long userId);

    /** Sets the counts derived from diagnoses for a facility's day (kept beside what it reported). */
    void derive(long facilityId, LocalDate day, Map<String, Integer> counts);

    /**
     * Recounts the derived counts of every facility from {@code from} on, from the stored Conditions (not deleted) by
     * their facility and clinical day (onset, else recorded): one per person, facility, day and syndrome whose code
     * lists one of the Condition's codings matches. Counts only: the database sums, nothing about a person leaves it.
     * Returns the rows set.
     */
    int deriveFromConditions(LocalDate from);

    /** The facility's municipality from its profile, empty when it has none. */
    Optional<String> municipality(long facilityId);

    /** Counts per municipality (of the facility's profile; "" when it has none), day and syndrome, days inclusive. */
    List<Cell> byMunicipality(LocalDate from, LocalDate to);
}
