package org.musubi.portal.admin;

import org.musubi.registry.Administrator;
import org.musubi.security.SignedIn;

/** The registry's view of the signed-in administrator. */
public final class Admins {

    private Admins() {
    }

    public static Administrator of(SignedIn user) {
        return new Administrator(user.userId(), user.networkAdmin(), user.adminFacilityIds());
    }
}
