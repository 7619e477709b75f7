package org.musubi.security;

import org.musubi.registry.Administrator;

/**
 * What administrators do to someone's login. None of it bypasses the second factor: a password
 * reset keeps the enrolled authenticator, and a second-factor reset needs an enrolment code that
 * the user must type together with their password.
 */
public interface AccountAdministration {

    /** For a new user: a temporary password (to be changed at first login) and an enrolment code. */
    InitialSecrets issueInitial(Administrator admin, long userId);

    IssuedSecret resetPassword(Administrator admin, long userId);

    IssuedSecret resetSecondFactor(Administrator admin, long userId);

    record InitialSecrets(IssuedSecret temporaryPassword, IssuedSecret enrolmentCode) {
    }
}
