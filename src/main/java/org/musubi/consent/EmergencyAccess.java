package org.musubi.consent;

import java.time.Duration;
import java.time.Instant;

/**
 * An emergency access opened by one user on one person, with its reason and time limit.
 *
 * @param kind         a clinician's break-the-glass, an ambulance crew's, or an ER doctor's opening of a hand-over
 * @param facilityId   the facility the user acted for when opening it ({@code null} for accesses older than V34)
 * @param reasonCode   the reason chosen from the crews' short list ({@code null} for a reason in words only)
 * @param handOverId   the hand-over it was opened from ({@link Kind#HANDOVER})
 * @param endedAt      when it was ended before its time (a crew opened the next person); {@code expiresAt} is then
 *                     that instant too
 * @param reviewOutcome the operator's judgement, once reviewed
 */
public record EmergencyAccess(long id, long personId, long userId, String reason, Instant openedAt, Instant expiresAt,
                              Instant reviewedAt, Kind kind, Long facilityId, ReasonCode reasonCode, Long handOverId,
                              Instant endedAt, ReviewOutcome reviewOutcome) {

    /** What opened it: a clinician's break-the-glass, an ambulance crew, or a hand-over to the receiving hospital. */
    public enum Kind { GLASS, CREW, HANDOVER }

    /** The crews' short list of reasons (label {@code emergency.reasonCode.<name>}). */
    public enum ReasonCode { UNCONSCIOUS, CANNOT_COMMUNICATE, IDENTITY_UNKNOWN, OTHER }

    /** An operator's judgement of an access (label {@code emergency.review.outcome.<name>}). */
    public enum ReviewOutcome { APPROPRIATE, QUESTIONABLE, INAPPROPRIATE }

    /** What a spool merge appends to the reason of an access it recreates from a standby's audit record. */
    public static final String STANDBY_SPOOL_MARK = " [standby spool ";
    /** What the audit reason of an access opened on a read-only standby ends with: {@code <kind> <reason code or ->]}. */
    public static final String STANDBY_TAG = " [standby emergency ";

    public boolean openAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /**
     * Opened on a read-only standby: kept in that Musubi's memory (a negative id) while it runs, or recreated from its
     * audit spool when the spool was merged (its reason carries the spool's mark).
     */
    public boolean openedOnStandby() {
        return id < 0 || reason.contains(STANDBY_SPOOL_MARK);
    }

    /**
     * What the audit record of its opening appends to the reason so that a spool merge can recreate it: nothing for an
     * access stored in the database; for one kept in a standby's memory its kind and reason code.
     */
    public String standbyTag() {
        return id >= 0 ? "" : STANDBY_TAG + kind + " " + (reasonCode == null ? "-" : reasonCode.name()) + "]";
    }

    /**
     * The reason in the user's own words, as a screen shows it beside the coded reason's label: without the code the
     * stored reason starts with, empty when only a code was chosen, and empty for a hand-over (whose reason is the
     * crew's).
     */
    public String words() {
        if (kind == Kind.HANDOVER) {
            return "";
        }
        int mark = reason.indexOf(STANDBY_SPOOL_MARK);
        String reason = mark < 0 ? this.reason : this.reason.substring(0, mark);
        if (reasonCode == null) {
            return reason;
        }
        String code = reasonCode.name();
        return reason.equals(code) ? "" : reason.startsWith(code + ": ") ? reason.substring(code.length() + 2) : reason;
    }

    /** How long it was (or will be) open: to its end, or its expiry. */
    public Duration duration() {
        return Duration.between(openedAt, expiresAt);
    }

    /** Not reviewed although opened longer than {@code overdue} before {@code now}. */
    public boolean overdue(Instant now, Duration overdue) {
        return reviewedAt == null && openedAt.plus(overdue).isBefore(now);
    }

    /**
     * What opening an access records.
     *
     * @param endOthers end the user's other open accesses first (one person at a time)
     */
    public record Opening(long personId, long userId, Long facilityId, Kind kind, ReasonCode reasonCode, String reason,
                          Instant expiresAt, Long handOverId, boolean endOthers) {
    }
}
