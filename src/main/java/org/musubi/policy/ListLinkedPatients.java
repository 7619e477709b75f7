package org.musubi.policy;

import org.musubi.paging.PageRequest;

/**
 * "My linked patients": the persons the user's facility has an open link to, newest link first,
 * optionally narrowed by a kana name, regional ID or chart number. Decided by
 * {@link AccessPolicy#decideLinkList} and audited with exactly one row per call, naming the persons shown.
 */
public interface ListLinkedPatients {

    default LinkedPatients list(long userId, String text, PageRequest page) {
        return list(userId, text, page, Glance.NONE);
    }

    /** The list, and {@code glance} at the patients shown before their audit rows are written (when it permits). */
    LinkedPatients list(long userId, String text, PageRequest page, Glance glance);
}
