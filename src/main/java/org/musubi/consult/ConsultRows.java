package org.musubi.consult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The consultations' own rows (V56); nothing here is shown before the access policy decided (the callers). */
public interface ConsultRows {

    /** What a row of a thread is: a message (a Communication; the header first), an attachment (Binary), a reference. */
    enum Kind { MESSAGE, ATTACHMENT, REFERENCE }

    /** A record row of a thread, in order; a message's author. */
    record Row(int seq, Kind kind, String resourceId, Long authorUser, Instant at) {
    }

    /** A line of a participant's list: the thread and how many of the other side's messages they have not read. */
    record Line(ConsultThread thread, int unread) {
    }

    void insert(ConsultThread thread);

    Optional<ConsultThread> find(UUID id);

    /** The thread's rows in order. */
    List<Row> rows(UUID thread);

    /** Appends rows to a thread (after its last), locking the thread's row for the transaction; their seqs. */
    List<Integer> append(ConsultThread thread, List<Row> rows);

    void update(ConsultThread thread);

    /** The last message seq the user has read of the thread (0: none). */
    int seen(UUID thread, long userId);

    /** Marks the thread read by the user up to {@code seq} (never backwards). */
    void seen(ConsultThread thread, long userId, int seq);

    /**
     * The threads the user takes part in — asked by them, or addressed to {@code facilityId} (to the department, or to
     * them by name) — of these statuses, latest first, at most {@code limit}.
     */
    List<Line> mine(long userId, Long facilityId, Set<ConsultStatus> statuses, int limit);

    /** How many messages of the other side the user has not read, over every thread they take part in. */
    int unread(long userId, Long facilityId);
}
