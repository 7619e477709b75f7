package org.musubi.disaster;

import java.time.Instant;
import java.util.Objects;

/**
 * One time disaster mode was on: its area, the operator's note, who switched it on and when, its planned end (it ends by
 * itself then) and, once switched off, who did and when.
 */
public record DisasterPeriod(long id, DisasterArea area, String note, Instant startedAt, long startedBy,
                             Instant plannedEnd, Instant endedAt, Long endedBy, String endNote) {

    public DisasterPeriod {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Whether it is on at {@code now}: started, neither switched off nor past its planned end. */
    public boolean onAt(Instant now) {
        return !now.isBefore(startedAt) && endedAt == null && (plannedEnd == null || now.isBefore(plannedEnd));
    }

    /** When it ended or ends: switched off, or its planned end; null while it runs until switched off. */
    public Instant end() {
        return endedAt != null ? endedAt : plannedEnd;
    }

    /** Whether it ended by its planned end rather than by an operator. */
    public boolean endedAsPlanned(Instant now) {
        return endedAt == null && plannedEnd != null && !now.isBefore(plannedEnd);
    }
}
