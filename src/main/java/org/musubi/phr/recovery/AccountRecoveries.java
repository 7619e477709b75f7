package org.musubi.phr.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.security.ResidentCredentials;

/**
 * Re-registrations of persons who have an account, kept per person: at most one pending at a time (a newer one
 * replaces it), holding the new credentials only while pending; once decided, what the resident is told.
 */
public interface AccountRecoveries {

    /** What a registration asks for an existing account: the new login id and the credentials kept aside. */
    record Request(long personId, long userId, String loginId, String nameKanji, String nameKana,
                   ResidentCredentials.Replacement replacement, long codeId, Instant at) {
    }

    /** A pending recovery as pages show it (never its credentials). */
    record Pending(long id, long personId, long userId, String loginId, Instant requestedAt) {
    }

    /** A pending recovery with what confirming it puts in place (locked until the deciding transaction ends). */
    record Held(Pending pending, String nameKanji, String nameKana, ResidentCredentials.Replacement replacement) {
    }

    /** A confirmed recovery the resident has not dismissed the notice of: what changed, where and when. */
    record Confirmed(long id, Instant requestedAt, Instant confirmedAt, Desk desk, String loginId,
                     ResidentCredentials.Removed removed) {
    }

    /** Stores a pending recovery, replacing (state REPLACED) the person's pending one; its id. */
    long request(Request request);

    /** The person's pending recovery requested since {@code liveSince}. */
    Optional<Pending> pending(long personId, Instant liveSince);

    /** As {@link #pending}, by id, with its credentials, locked for the caller's transaction. */
    Optional<Held> hold(long personId, long id, Instant liveSince);

    /** Whether another person's pending recovery holds this login id (it is reserved until decided). */
    boolean reserved(String loginId, long exceptPersonId);

    /**
     * Decides a pending recovery (never a confirmation: {@link #confirm}); its credentials are wiped. False when it
     * was not pending.
     */
    boolean settle(long personId, long id, RecoveryState state, Desk desk, Long decidedBy, Instant at);

    /** Records a pending recovery confirmed, with what replacing the credentials removed; its credentials are wiped. */
    boolean confirm(long personId, long id, Desk desk, long decidedBy, ResidentCredentials.Removed removed, Instant at);

    /** Expires the pending recoveries requested before {@code liveSince}; those expired now. */
    List<Pending> expire(Instant liveSince, Instant at);

    /** The person's latest confirmed recovery whose notice the resident has not dismissed. */
    Optional<Confirmed> undismissed(long personId);

    /** The resident dismissed the notice of a confirmed recovery; false when there was none of that id. */
    boolean dismiss(long personId, long id, Instant at);
}
