package org.musubi.archfixtures.architecture;

import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;

/** A feature that links a source patient through the store instead of identity's audited use case. */
final class RegistersAPerson {

    private final IdentityStore identities;

    RegistersAPerson(IdentityStore identities) {
        this.identities = identities;
    }

    void link(long sourcePatientId, long personId, LinkMethod method) {
        identities.link(sourcePatientId, personId, method, 1, "fixture");
    }
}
