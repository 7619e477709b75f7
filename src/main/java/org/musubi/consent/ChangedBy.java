package org.musubi.consent;

import org.musubi.audit.Purpose;

/**
 * Who asks to change a person's sharing choices (withdraw a consent, block a facility or lift the block, end a
 * facility's link), which decides what is checked and what the audit row says.
 * <ul>
 *   <li>An operator ({@link #operator}) records the person's signed request on the operators' screens, which only
 *       network operators reach; the row's purpose is operations, as for all of their work.</li>
 *   <li>The resident ({@link #resident}) acts from their own health notebook: the user must be the person's own
 *       resident account, and whatever they name must be the person's own (one of their consents, a facility linked
 *       to them or holding data about them, a facility they blocked, an open link). Anything else is refused with
 *       {@link #NOT_FOUND}, exactly as what does not exist. The rows' purpose is self access, and each refused attempt
 *       leaves its row too.</li>
 * </ul>
 *
 * @param userId   the user asking: the operator, or the resident's own account
 * @param resident whether the person themself asks (health notebook)
 */
public record ChangedBy(long userId, boolean resident) {

    /** The one refusal a resident gets for whatever is not theirs, or does not exist. */
    public static final String NOT_FOUND = "sharing.notFound";

    public static ChangedBy operator(long userId) {
        return new ChangedBy(userId, false);
    }

    public static ChangedBy resident(long userId) {
        return new ChangedBy(userId, true);
    }

    /** The purpose the audit rows of the change name. */
    public Purpose purpose() {
        return resident ? Purpose.PATIENT_SELF_ACCESS : Purpose.OPERATIONS;
    }
}
