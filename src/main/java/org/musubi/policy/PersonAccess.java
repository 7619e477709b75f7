package org.musubi.policy;

import org.musubi.audit.Purpose;

/**
 * The audited entry to the access policy: every call decides from fresh facts (consents, links,
 * blocks, emergency accesses) and leaves exactly one audit row, permit or deny.
 */
public interface PersonAccess {

    /** May this user open this person (the patient header and timeline) for this purpose? */
    Decision openPerson(long userId, Purpose purpose, long personId);

    /**
     * Opens the person like {@link #openPerson} (one audit row, of the person-level decision) and
     * returns with it the filter for the person's items, so that a read shows only permitted items.
     */
    PersonView viewPerson(long userId, Purpose purpose, long personId);
}
