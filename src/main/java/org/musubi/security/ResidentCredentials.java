package org.musubi.security;

/**
 * A resident's password and second factor (PHR), set when a registration with card, birth date and a one-time code has
 * proven who they are. Residents get no recovery codes: a lost password or authenticator is recovered only through a
 * new registration code from a facility or the operator.
 */
public interface ResidentCredentials {

    /**
     * Sets the account's password (hashed here) and TOTP secret with the step of the code the resident proved it
     * with; clears failures, a lock and any recovery codes.
     */
    void enrol(long userId, String password, String totpSecret, long provenStep);
}
