package org.musubi.box;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.registry.Profession;

/** Box's rows. */
public interface BoxStore {

    /** A recipient of a file, with when they last downloaded it ({@code null}: not yet). */
    record Recipient(long userId, String name, Instant downloadedAt) {
    }

    /**
     * Stores the file's row and its recipients: {@code named} users, and {@code members} chosen as members of {@code
     * facility} (null when none).
     */
    void insert(BoxFile file, Collection<Long> named, Long facility, Collection<Long> members);

    Optional<BoxFile> find(UUID id);

    /** A user's name as shown (a file's sender, in its record's Provenance). */
    String name(long userId);

    /**
     * Whether the user may still receive the file: a recipient, active, a member of an active facility, and — when
     * chosen as a member of a facility — still its member.
     */
    boolean isRecipient(UUID id, long userId);

    /** Files sent to the user, not expired, newest first. */
    List<BoxFile> received(long userId, Instant now);

    /** Files the user sent, not expired, newest first. */
    List<BoxFile> sent(long userId, Instant now);

    List<Recipient> recipients(UUID id);

    void downloaded(UUID id, long userId, Instant at);

    /** Bytes of the user's files not yet expired and not lost (the quota counts them). */
    long usedBytes(long userId, Instant now);

    /** Of these users, the active staff of an active facility (a resident or a disabled account is no recipient). */
    Set<Long> activeStaff(Collection<Long> userIds);

    /** The active members of an active facility with one of these professions (all professions when empty). */
    Set<Long> members(long facilityId, Set<Profession> professions);

    /** Files expired at {@code now}, oldest first, at most {@code limit}. */
    List<BoxFile> expired(Instant now, int limit);

    /** Deletes the file's rows; false when they were already gone. */
    boolean delete(UUID id);

    void sweepFinished(Instant at, int deleted);

    Optional<Instant> lastSweep();

    /** Files not expired at {@code now} and not lost, in id order after {@code after} (null: from the first), at most {@code limit}. */
    List<BoxFile> live(Instant now, UUID after, int limit);

    /** Marks the file's content as lost at {@code at} (by a restore); false when it is gone or lost already. */
    boolean markLost(UUID id, Instant at);

    /** How many files are waiting for this user (the home page's count). */
    int waiting(long userId, Instant now);
}
