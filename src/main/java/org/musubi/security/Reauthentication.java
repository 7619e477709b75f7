package org.musubi.security;

/**
 * Asks a signed-in user for their password again before a grave step (break-the-glass). A wrong
 * password counts towards the account's lock-out like a failed login.
 */
public interface Reauthentication {

    boolean confirm(long userId, String password);
}
