package org.musubi.security;

/**
 * A resident's password and second factor (PHR), set when a registration with card, birth date and a one-time code has
 * proven who they are. Residents get no recovery codes: a lost password or authenticator is recovered only through a
 * new registration code from a facility or the operator, and, for an account that exists, only once staff at a counter
 * (with the person's card) or the network office confirm it: until then the new credentials are kept aside
 * ({@link #prepare}) and the old ones keep working; confirming puts them in place ({@link #replace}).
 */
public interface ResidentCredentials {

    /**
     * Sets the account's password (hashed here) and TOTP secret with the step of the code the resident proved it
     * with; clears failures, a lock and any recovery codes.
     */
    void enrol(long userId, String password, String totpSecret, long provenStep);

    /**
     * A new password and authenticator kept aside until they are confirmed: the password hashed and the TOTP secret
     * sealed as the account's own are, and the step of the code that proved the secret.
     */
    record Replacement(String passwordHash, String sealedTotpSecret, long provenStep) {

        @Override
        public String toString() {
            return "Replacement[step " + provenStep + "]";
        }
    }

    /** What a registration keeps aside for an account that exists; nothing is stored here. */
    Replacement prepare(String password, String totpSecret, long provenStep);

    /** What replacing the credentials removed besides the password and authenticator. */
    record Removed(int passkeys, int cardLinks, int apps) {
    }

    /**
     * Puts a confirmed replacement in place: the new password and authenticator (failures, a lock and recovery codes
     * cleared), and every other way into the account removed — its passkeys, its My Number card links and its apps'
     * grants (each link and app audited, naming the person {@code regionalId}) — and its sessions ended: whoever held
     * the account may have added their own.
     */
    Removed replace(long userId, Replacement replacement, String regionalId);
}
