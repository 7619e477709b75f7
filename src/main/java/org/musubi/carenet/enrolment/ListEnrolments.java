package org.musubi.carenet.enrolment;

import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** A facility lists its pathway enrolments: those enrolled there or with a stage assigned to it. */
public final class ListEnrolments {

    private final EnrolmentStore store;

    public ListEnrolments(EnrolmentStore store) {
        this.store = store;
    }

    /** A page of a facility's enrolments (enrolled there or with a stage assigned to it); no patient data. */
    public Page<Enrolment> list(EnrolmentStore.ListQuery query, PageRequest page) {
        return store.forFacility(query, page);
    }
}
