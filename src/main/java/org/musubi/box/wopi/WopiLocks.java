package org.musubi.box.wopi;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * WOPI locks, one per Box file, shared by every node (V50 {@code box_wopi_lock}); a lock whose expiry has passed is
 * no lock. Each change is one atomic statement: it happens only when the lock is as the caller expects.
 */
public interface WopiLocks {

    /** The file's lock now, if any. */
    Optional<String> current(UUID file, Instant now);

    /** Takes the lock when the file is unlocked, or refreshes it when it is {@code lock} already; false otherwise. */
    boolean lock(UUID file, String lock, Instant now, Instant until);

    /** Moves the expiry of the lock {@code lock} to {@code until}; false when the file's lock is not {@code lock}. */
    boolean refresh(UUID file, String lock, Instant now, Instant until);

    /** Releases the lock {@code lock}; false when the file's lock is not {@code lock}. */
    boolean unlock(UUID file, String lock, Instant now);

    /** Replaces the lock {@code old} with {@code lock}; false when the file's lock is not {@code old}. */
    boolean relock(UUID file, String old, String lock, Instant now, Instant until);

    /** Whether the file's lock is {@code lock} now, holding the row until the caller's transaction ends. */
    boolean holds(UUID file, String lock, Instant now);
}
