package org.musubi.policy;

import org.musubi.paging.PageRequest;

/**
 * "My linked patients": the persons the user's facility has an open link to, newest link first,
 * optionally narrowed by a kana name, regional ID or chart number. Decided by
 * {@link AccessPolicy#decideLinkList} and audited with exactly one row per call, naming the persons shown.
 */
public interface ListLinkedPatients {

    LinkedPatients list(long userId, String text, PageRequest page);
}
