package org.musubi.phr.recovery;

import org.musubi.audit.Purpose;
import org.musubi.policy.Permit;

/**
 * Where a pending recovery is decided: at a facility's counter with the person's card, by the network office, by the
 * resident (cancelled) or by the system (expired, replaced).
 */
public enum Desk {
    COUNTER, OFFICE, RESIDENT, SYSTEM;

    /** The purpose a desk's staff open the person with. */
    public Purpose purpose() {
        return this == OFFICE ? Purpose.OPERATIONS : Purpose.TREATMENT;
    }

    /**
     * Whether staff who opened the person with this decision (its key) may see and decide the person's pending
     * recovery at this desk: at a counter, only through a consented, live link (a facility whose own data alone opens
     * the person, a break-the-glass or an own-records view may not; {@link DecideRecovery} asks besides the policy's
     * {@link org.musubi.policy.PersonView#actAsHolder standing}); at the office, a network administrator's operations
     * access.
     */
    public boolean decides(String decisionKey) {
        return switch (this) {
            case COUNTER -> Permit.TREATMENT_CONSENT_AND_LINK.equals(decisionKey);
            case OFFICE -> Permit.OPERATIONS_DEMOGRAPHICS.equals(decisionKey);
            case RESIDENT, SYSTEM -> false;
        };
    }
}
