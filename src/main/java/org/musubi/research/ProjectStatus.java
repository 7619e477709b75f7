package org.musubi.research;

import java.util.Map;
import java.util.Set;

/**
 * Where a research project stands. APPLIED → APPROVED, NARROWED (approved with a narrower scope) or REFUSED; an
 * approved project ends CLOSED (by its researchers or the committee) or EXPIRED (its period is over). REFUSED,
 * CLOSED and EXPIRED are final.
 */
public enum ProjectStatus {
    APPLIED, APPROVED, NARROWED, REFUSED, CLOSED, EXPIRED;

    private static final Map<ProjectStatus, Set<ProjectStatus>> NEXT = Map.of(
            APPLIED, Set.of(APPROVED, NARROWED, REFUSED),
            APPROVED, Set.of(CLOSED, EXPIRED),
            NARROWED, Set.of(CLOSED, EXPIRED),
            REFUSED, Set.of(),
            CLOSED, Set.of(),
            EXPIRED, Set.of());

    /** Whether a project in this state may move to {@code next}. */
    public boolean mayBecome(ProjectStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Approved and not ended: the project may count, and is on the public list. */
    public boolean approved() {
        return this == APPROVED || this == NARROWED;
    }
}
