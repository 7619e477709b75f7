package org.musubi.disaster;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Facilities;

/**
 * The network operator designates a facility as a disaster responder (a DMAT team registered as a facility …) or
 * withdraws the designation; one audit row when it changes anything. Its staff of an emergency profession may then open
 * an emergency access on a person only while disaster mode covers that person (the access policy's rule).
 */
public final class DesignateResponder {

    private final DisasterRecords records;
    private final DisasterMode mode;
    private final Facilities facilities;
    private final Audit audit;
    private final Clock clock;

    public DesignateResponder(DisasterRecords records, DisasterMode mode, Facilities facilities, Audit audit, Clock clock) {
        this.records = records;
        this.mode = mode;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Designates or withdraws; false for no such participating facility. */
    public boolean designate(long userId, long facilityId, boolean responder) {
        if (facilities.find(facilityId).filter(f -> f.kind().participating()).isEmpty()) {
            return false;
        }
        boolean changed = records.designate(facilityId, responder, userId, clock.instant());
        mode.refresh();
        if (changed) {
            audit.record(AuditEntry.of(AuditAction.DISASTER_RESPONDER, Outcome.PERMIT).on("Facility", facilityId)
                    .reason(responder ? "designated" : "withdrawn"));
        }
        return true;
    }
}
