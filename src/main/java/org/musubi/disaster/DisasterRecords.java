package org.musubi.disaster;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Where periods and responder designations are kept ({@code jdbc}). */
public interface DisasterRecords {

    /** Every period not switched off (some may be past their planned end). */
    List<DisasterPeriod> open();

    /** The newest periods first. */
    List<DisasterPeriod> history(int limit);

    DisasterPeriod start(DisasterArea area, String note, Instant plannedEnd, long userId, Instant now);

    /** Switches the period off; false when there is no such period still open. */
    boolean end(long periodId, String note, long userId, Instant now);

    Set<Long> responders();

    /** Designates ({@code responder}) or withdraws; false when nothing changed. */
    boolean designate(long facilityId, boolean responder, long userId, Instant now);
}
