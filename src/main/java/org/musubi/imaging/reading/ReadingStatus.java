package org.musubi.imaging.reading;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a reading work item and the only steps between them. REQUESTED → CLAIMED → REPORTED → RETURNED (the
 * requester acknowledged the report); a request still open may be CANCELLED by its requester or DECLINED by the centre;
 * a claim may be released back to REQUESTED. RETURNED, CANCELLED and DECLINED are final.
 */
public enum ReadingStatus {
    REQUESTED, CLAIMED, REPORTED, RETURNED, CANCELLED, DECLINED;

    /** The states this one may step to. */
    public Set<ReadingStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(CLAIMED, CANCELLED, DECLINED);
            case CLAIMED -> EnumSet.of(REPORTED, REQUESTED, CANCELLED, DECLINED);
            case REPORTED -> EnumSet.of(RETURNED);
            case RETURNED, CANCELLED, DECLINED -> EnumSet.noneOf(ReadingStatus.class);
        };
    }

    public boolean mayStepTo(ReadingStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Still in the reading centre's worklist. */
    public boolean isOpen() {
        return this == REQUESTED || this == CLAIMED;
    }
}
