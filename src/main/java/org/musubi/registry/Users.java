package org.musubi.registry;

import java.util.Optional;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** The people who log in. */
public interface Users {

    Optional<User> find(long id);

    Optional<User> findByLoginId(String loginId);

    /** Users whose login id or names contain {@code text}, optionally of one facility only. */
    Page<User> search(String text, Long facilityId, PageRequest page);

    long count();

    /** Whether an active network administrator other than a demo account exists. */
    boolean anyActiveNetworkAdmin();

    User insert(UserDraft draft, boolean demo);

    User update(long id, UserDraft draft);

    /** The resident account of a person (PHR), if they registered one. */
    Optional<User> residentOf(long personId);

    /**
     * Adds a resident's own account (profession {@link Profession#RESIDENT}, no facility) for the person, or, when the
     * person has one, gives it this login id and makes it active again (a resident re-registering with a new code).
     */
    User saveResident(long personId, String loginId, String nameKanji, String nameKana);

    /**
     * Ends every session of the account (they end on their next request, as a disabled account's do): a resident's
     * account whose password and authenticator were replaced by a confirmed recovery.
     */
    void endSessions(long userId);

    /** Marks the account a demo account (the demo's seeding only: a resident registered for the demo's story). */
    void markDemo(long userId);

    /** Disables every demo account (when demo mode is off); returns how many were active. */
    int disableDemoAccounts();
}
