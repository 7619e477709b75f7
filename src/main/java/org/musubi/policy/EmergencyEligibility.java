package org.musubi.policy;

/**
 * Whether break-the-glass would help, asked before it is opened (not audited: the asking use case audits its own
 * attempt once).
 */
public interface EmergencyEligibility {

    /** Whether the user may break the glass at all (an active user of an emergency profession). */
    Decision user(long userId);

    /**
     * Whether the user is an ambulance crew member: a paramedic acting for a fire department. A crew's emergency access
     * is shorter and covers one person at a time.
     */
    boolean crew(long userId);

    /** The facility the user acts for, if any. */
    Long facilityOf(long userId);

    /** The decision on the person that an emergency access opened now by this user would give. */
    Decision person(long userId, long personId);
}
