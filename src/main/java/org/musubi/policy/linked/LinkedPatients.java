package org.musubi.policy.linked;

import java.util.List;
import org.musubi.paging.Page;
import org.musubi.policy.Decision;
import org.musubi.paging.PageRequest;

/** The outcome of listing a facility's linked patients: the decision and, when it permits, one page of them. */
public record LinkedPatients(Decision decision, Page<LinkedPatient> page) {

    public static LinkedPatients refused(Decision deny, PageRequest request) {
        return new LinkedPatients(deny, new Page<>(List.of(), request, 0));
    }

    public boolean permitted() {
        return decision.permitted();
    }
}
