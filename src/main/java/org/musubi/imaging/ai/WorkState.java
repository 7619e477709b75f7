package org.musubi.imaging.ai;

import java.util.Set;

/**
 * The states of an AI work item: QUEUED (waiting to be sent, also between retries), SENT (the service took it; its
 * findings are awaited), DONE (findings entered into the record), FAILED (retries used up, the service refused, or no
 * findings came in time), CANCELLED (by an operator or the requester). DONE, FAILED and CANCELLED are final.
 */
public enum WorkState {
    QUEUED, SENT, DONE, FAILED, CANCELLED;

    /** The steps a work item may take from this state. */
    public Set<WorkState> next() {
        return switch (this) {
            case QUEUED -> Set.of(SENT, FAILED, CANCELLED);
            case SENT -> Set.of(DONE, FAILED, CANCELLED);
            case DONE, FAILED, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(WorkState to) {
        return next().contains(to);
    }

    public boolean open() {
        return this == QUEUED || this == SENT;
    }
}
