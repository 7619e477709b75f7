package org.musubi.policy;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.consent.EmergencyAccess.Kind;
import org.musubi.consent.EmergencyAccess.ReasonCode;
import org.musubi.consent.Refused;
import org.musubi.consent.RefusedAttempts;
import org.musubi.identity.FindPerson;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.security.Reauthentication;

/**
 * Break-the-glass: in an emergency a user of an emergency profession finds the one person in front of them (by the
 * card and its check code, or by the exact kana name, birth date and sex) and opens that person's emergency
 * minimum dataset without a facility link, after stating why and typing their password again. It is asked only
 * when it would help, and the answer is given before any reason or password is asked. Looked up by name, or by a
 * card whose check code does not match, a person who did not consent to emergency use, blocked the user's facility,
 * or does not exist is answered alike ({@link #NOT_FOUND}). Looked up by the card and its valid check code, the card
 * holder is present (the proof that also lets a facility link the person), so the person's own choice is told:
 * no emergency consent ({@link #NO_CONSENT}) or this facility blocked ({@link #FACILITY_BLOCKED}). The access lasts
 * a limited time, reads only the emergency minimum (the policy's rule 8), never links the facility, is audited, and
 * waits in the operators' review list. Look-ups that find no one are counted and throttled per user.
 *
 * <p>The printed emergency sheet's QR code ({@link FindPerson#SHEET_QR_PREFIX}) names the person by their regional ID
 * only: it is paper anyone may have copied, so it proves nothing about who is present and is answered like a look-up
 * by name ({@link #NOT_FOUND} for every refusal). An ambulance crew member ({@link EmergencyEligibility#crew}) opens a
 * shorter access of kind CREW, one person at a time: opening the next person ends the previous access. An emergency
 * room doctor opens a hand-over a crew made to their hospital without a password ({@link #openHandOver}); the crew
 * stated the reason.
 */
public final class OpenEmergencyAccess {

    /** The one answer for a person who cannot be opened in an emergency, whoever or whatever the reason. */
    public static final String NOT_FOUND = "emergency.notFound";
    public static final String THROTTLED = "emergency.throttled";
    /** To the holder of a proved card only: the person did not consent to emergency use. */
    public static final String NO_CONSENT = "emergency.card.noConsent";
    /** To the holder of a proved card only: the person blocked the user's facility. */
    public static final String FACILITY_BLOCKED = "emergency.card.facilityBlocked";
    /** Look-ups finding no one, per user and hour, before the user's look-ups are refused for the rest of it. */
    static final int MAX_MISSES_PER_HOUR = 10;

    /** The operations alert (no patient data): monitoring can page network admins on these lines. */
    private static final System.Logger ALERTS = System.getLogger("org.musubi.alerts.emergency");

    private final EmergencyEligibility eligibility;
    private final FindPerson find;
    private final Consents consents;
    private final Reauthentication reauthentication;
    private final RefusedAttempts misses;
    private final Audit audit;
    private final Duration duration;
    private final Duration crewDuration;
    private final Clock clock;

    public OpenEmergencyAccess(Parts parts, Audit audit, Duration duration, Duration crewDuration, Clock clock) {
        this.eligibility = parts.eligibility();
        this.find = parts.find();
        this.consents = parts.consents();
        this.reauthentication = parts.reauthentication();
        this.misses = parts.misses();
        this.audit = audit;
        this.duration = duration;
        this.crewDuration = crewDuration;
        this.clock = clock;
    }

    /** What break-the-glass works with. */
    public record Parts(EmergencyEligibility eligibility, FindPerson find, Consents consents,
                       Reauthentication reauthentication, RefusedAttempts misses) {
    }

    /** How the user identifies the person in front of them: the card, or the exact kana name, birth date and sex. */
    public record Lookup(String card, String checkCode, String kanaName, LocalDate birthDate, Sex sex) {

        /** The printed emergency sheet's QR code in the card field: a regional ID, no proof of presence. */
        boolean bySheet() {
            return FindPerson.sheetCode(card);
        }

        boolean byCard() {
            return card != null && !card.isBlank() && !bySheet();
        }

        String how() {
            return bySheet() ? "sheet QR" : byCard() ? "card" : "name, birth date and sex";
        }
    }

    /**
     * Why the access is opened: a reason from the crews' short list (its words optional, but for {@code OTHER}), or
     * words alone (at least 5 characters).
     */
    public record Reason(ReasonCode code, String text) {

        public Reason {
            text = text == null ? "" : text.strip();
        }

        boolean sufficient() {
            return (code != null && code != ReasonCode.OTHER) || text.codePointCount(0, text.length()) >= 5;
        }

        /** As stored and audited: the code, then the words. */
        String stated() {
            return code == null ? text : code.name() + (text.isEmpty() ? "" : ": " + text);
        }
    }

    /** The person found, as the user may see them before opening: enough to confirm it is the right person. */
    public record Found(long personId, String kanaName, Sex sex, LocalDate birthDate) implements Serializable {
    }

    /**
     * Step one: the person the user may open in an emergency. One audit row. Throws {@link Refused} with
     * {@code policy.deny.professionNotForEmergency} (and the like) for a user who may not break the glass at all,
     * {@link #THROTTLED} after too many misses, {@link #NO_CONSENT} or {@link #FACILITY_BLOCKED} for the person
     * whose card and check code were given, and {@link #NOT_FOUND} for everything else about the person.
     */
    public Found find(long userId, Lookup lookup) {
        Decision user = eligibility.user(userId);
        if (!user.permitted()) {
            throw refused(AuditAction.EMERGENCY_LOOKUP, null, user.key(), user.key());
        }
        Instant now = clock.instant();
        if (misses.byUser(RefusedAttempts.Kind.EMERGENCY_LOOKUP, userId, now.minus(Duration.ofHours(1))) >= MAX_MISSES_PER_HOUR) {
            throw refused(AuditAction.EMERGENCY_LOOKUP, null, THROTTLED, THROTTLED);
        }
        Optional<RegisteredPerson> person = lookup.bySheet() ? find.bySheetCode(lookup.card())
                : lookup.byCard() ? find.byCard(lookup.card(), lookup.checkCode())
                : find.exactlyOne(lookup.kanaName(), lookup.birthDate(), lookup.sex());
        Decision decision = person.map(p -> eligibility.person(userId, p.id())).orElse(new Deny(Deny.UNKNOWN_PERSON));
        String regionalId = person.map(p -> p.person().regionalId()).orElse(null);
        if (!decision.key().equals(Permit.EMERGENCY_ACCESS)) {
            String told = person.isPresent() && lookup.byCard() ? toCardHolder(decision.key()) : NOT_FOUND;
            if (told.equals(NOT_FOUND)) {
                misses.record(RefusedAttempts.Kind.EMERGENCY_LOOKUP, null, userId, now);
            }
            throw refused(AuditAction.EMERGENCY_LOOKUP, regionalId, told, lookup.how() + ": " + decision.key());
        }
        audit.record(AuditEntry.of(AuditAction.EMERGENCY_LOOKUP, Outcome.PERMIT).on("Patient", person.get().id())
                .patient(regionalId).purpose(Purpose.EMERGENCY).reason(lookup.how()));
        var p = person.get().person();
        return new Found(person.get().id(), p.familyKana() + " " + p.givenKana(), p.sex(), p.birthDate());
    }

    /**
     * Step two: opens the access on the person found, with the stated reason (at least 5 characters) and the
     * user's password; everything about the person is decided again first. One audit row.
     */
    public EmergencyAccess open(long userId, long personId, String reason, String password) {
        return open(userId, personId, new Reason(null, reason), password);
    }

    /**
     * Step two with a reason from the short list (or in words). An ambulance crew member's access is of kind CREW: it
     * lasts the crews' time and ends the member's other open accesses (one person at a time).
     */
    public EmergencyAccess open(long userId, long personId, Reason reason, String password) {
        String regionalId = decided(userId, personId);
        if (!reason.sufficient()) {
            throw refused(AuditAction.EMERGENCY_OPEN, regionalId, "emergency.reason.required", "emergency.reason.required");
        }
        if (!reauthentication.confirm(userId, password)) {
            throw refused(AuditAction.EMERGENCY_OPEN, regionalId, "emergency.password.wrong", "emergency.password.wrong");
        }
        boolean crew = eligibility.crew(userId);
        Kind kind = crew ? Kind.CREW : Kind.GLASS;
        EmergencyAccess opened = consents.openEmergency(new EmergencyAccess.Opening(personId, userId,
                eligibility.facilityOf(userId), kind, reason.code(), reason.stated(),
                clock.instant().plus(crew ? crewDuration : duration), null, crew));
        return opened(opened, regionalId, reason.stated());
    }

    /**
     * An emergency room doctor opens a hand-over a crew made to their facility, until it expires: everything about the
     * person is decided again (the user's profession, the person's consent and blocks), no password is asked (the crew
     * stated the reason). The caller has checked that the hand-over is live and addressed to the user's facility. One
     * audit row.
     */
    public EmergencyAccess openHandOver(long userId, long personId, long handOverId, Instant until) {
        String regionalId = decided(userId, personId);
        String stated = "hand-over " + handOverId;
        EmergencyAccess opened = consents.openEmergency(new EmergencyAccess.Opening(personId, userId,
                eligibility.facilityOf(userId), Kind.HANDOVER, null, stated, until, handOverId, false));
        return opened(opened, regionalId, stated);
    }

    /**
     * Whether the user's profession is one that opens emergency accesses at all (before any person, mode or password):
     * a page refusing someone else may say that this is why. Nothing is audited: nothing of a person is asked.
     */
    public boolean emergencyProfession(long userId) {
        return !eligibility.user(userId).key().equals(Deny.PROFESSION_NOT_FOR_EMERGENCY);
    }

    /** The person's regional ID when an access opened now would give the user the emergency minimum; else refused. */
    private String decided(long userId, long personId) {
        Decision decision = eligibility.person(userId, personId);
        String regionalId = decision.key().equals(Deny.UNKNOWN_PERSON) ? null
                : find.regionalIdOf(personId).orElse(null);
        if (!decision.key().equals(Permit.EMERGENCY_ACCESS)) {
            throw refused(AuditAction.EMERGENCY_OPEN, regionalId, NOT_FOUND, decision.key());
        }
        return regionalId;
    }

    private EmergencyAccess opened(EmergencyAccess opened, String regionalId, String stated) {
        ALERTS.log(System.Logger.Level.WARNING, "emergency access {0} ({1}) opened by user {2}; review it on /admin/emergency",
                opened.id(), opened.kind(), opened.userId());
        audit.record(AuditEntry.of(AuditAction.EMERGENCY_OPEN, Outcome.PERMIT).on("Patient", opened.personId())
                .patient(regionalId).purpose(Purpose.EMERGENCY).reason(stated + " (until " + opened.expiresAt() + ")" + opened.standbyTag()));
        return opened;
    }

    /**
     * What the holder of a proved card is told: the person's own choice, which the person in front of the user may
     * change; anything else reads as {@link #NOT_FOUND}.
     */
    private static String toCardHolder(String denial) {
        return switch (denial) {
            case Deny.NO_CONSENT -> NO_CONSENT;
            case Deny.FACILITY_BLOCKED -> FACILITY_BLOCKED;
            default -> NOT_FOUND;
        };
    }

    private Refused refused(AuditAction action, String regionalId, String key, String auditReason) {
        audit.record(AuditEntry.of(action, Outcome.DENY).on("Patient").patient(regionalId)
                .purpose(Purpose.EMERGENCY).reason(auditReason));
        return new Refused(key);
    }
}
