package org.musubi.surveillance;

import java.time.LocalDate;
import java.util.Map;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;

/** A facility reports (or corrects) its counts of a day, per syndrome. */
public final class ReportSurveillanceCounts {

    private final SurveillanceStore store;
    private final Standby standby;

    public ReportSurveillanceCounts(SurveillanceStore store, Standby standby) {
        this.store = store;
        this.standby = standby;
    }

    /** Stores a facility's day; refused on a read-only standby. */
    public void report(long facilityId, LocalDate day, Map<String, Integer> counts, Long userId) {
        if (standby.readOnly()) {
            throw new ReadOnlyStandbyException();
        }
        store.report(facilityId, day, counts, userId);
    }
}
