package org.musubi.security;

import java.util.function.Supplier;

/**
 * Runs work on the server's own initiative as one user, so that the use cases it calls check and audit that user as
 * if they had signed in (e.g. the demo's story: the operator issuing cards, a doctor linking patients). Never for
 * requests: those carry their own sign-in.
 */
public interface ActAs {

    /** {@code work}'s result; the user must exist and be active. */
    <T> T user(long userId, Supplier<T> work);
}
