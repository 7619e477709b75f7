package org.musubi.research.web;

import java.util.Set;
import org.musubi.registry.Profession;
import org.musubi.research.Researcher;
import org.musubi.security.SignedIn;

/** Who a signed-in user is to the research pages. */
final class Researchers {

    private static final Set<String> NOT_STAFF = Set.of(Profession.FACILITY_SYSTEM.name(), Profession.RESIDENT.name());

    private Researchers() {
    }

    static Researcher of(SignedIn me) {
        return new Researcher(me.userId(), me.networkAdmin(),
                me.facilityId() != null && !NOT_STAFF.contains(me.profession()));
    }
}
