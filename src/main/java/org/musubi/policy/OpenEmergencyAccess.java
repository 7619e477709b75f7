package org.musubi.policy;

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
import org.musubi.consent.RefusedAttempts;
import org.musubi.consent.Refused;
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
    private final Clock clock;

    public OpenEmergencyAccess(Parts parts, Audit audit, Duration duration, Clock clock) {
        this.eligibility = parts.eligibility();
        this.find = parts.find();
        this.consents = parts.consents();
        this.reauthentication = parts.reauthentication();
        this.misses = parts.misses();
        this.audit = audit;
        this.duration = duration;
        this.clock = clock;
    }

    /** What break-the-glass works with. */
    public record Parts(EmergencyEligibility eligibility, FindPerson find, Consents consents,
                       Reauthentication reauthentication, RefusedAttempts misses) {
    }

    /** How the user identifies the person in front of them: the card, or the exact kana name, birth date and sex. */
    public record Lookup(String card, String checkCode, String kanaName, LocalDate birthDate, Sex sex) {

        boolean byCard() {
            return card != null && !card.isBlank();
        }
    }

    /** The person found, as the user may see them before opening: enough to confirm it is the right person. */
    public record Found(long personId, String kanaName, Sex sex, LocalDate birthDate) implements java.io.Serializable {
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
        Optional<RegisteredPerson> person = lookup.byCard() ? find.byCard(lookup.card(), lookup.checkCode())
                : find.exactlyOne(lookup.kanaName(), lookup.birthDate(), lookup.sex());
        Decision decision = person.map(p -> eligibility.person(userId, p.id())).orElse(new Deny(Deny.UNKNOWN_PERSON));
        String regionalId = person.map(p -> p.person().regionalId()).orElse(null);
        if (!decision.key().equals(Permit.EMERGENCY_ACCESS)) {
            String told = person.isPresent() && lookup.byCard() ? toCardHolder(decision.key()) : NOT_FOUND;
            if (told.equals(NOT_FOUND)) {
                misses.record(RefusedAttempts.Kind.EMERGENCY_LOOKUP, null, userId, now);
            }
            throw refused(AuditAction.EMERGENCY_LOOKUP, regionalId, told,
                    (lookup.byCard() ? "card: " : "name, birth date and sex: ") + decision.key());
        }
        audit.record(AuditEntry.of(AuditAction.EMERGENCY_LOOKUP, Outcome.PERMIT).on("Patient", person.get().id())
                .patient(regionalId).purpose(Purpose.EMERGENCY).reason(lookup.byCard() ? "card" : "name, birth date and sex"));
        var p = person.get().person();
        return new Found(person.get().id(), p.familyKana() + " " + p.givenKana(), p.sex(), p.birthDate());
    }

    /**
     * Step two: opens the access on the person found, with the stated reason (at least 5 characters) and the
     * user's password; everything about the person is decided again first. One audit row.
     */
    public EmergencyAccess open(long userId, long personId, String reason, String password) {
        Decision decision = eligibility.person(userId, personId);
        String regionalId = decision.key().equals(Deny.UNKNOWN_PERSON) ? null
                : find.regionalIdOf(personId).orElse(null);
        if (!decision.key().equals(Permit.EMERGENCY_ACCESS)) {
            throw refused(AuditAction.EMERGENCY_OPEN, regionalId, NOT_FOUND, decision.key());
        }
        String stated = reason == null ? "" : reason.strip();
        if (stated.codePointCount(0, stated.length()) < 5) {
            throw refused(AuditAction.EMERGENCY_OPEN, regionalId, "emergency.reason.required", "emergency.reason.required");
        }
        if (!reauthentication.confirm(userId, password)) {
            throw refused(AuditAction.EMERGENCY_OPEN, regionalId, "emergency.password.wrong", "emergency.password.wrong");
        }
        EmergencyAccess opened = consents.openEmergency(personId, userId, stated, clock.instant().plus(duration));
        ALERTS.log(System.Logger.Level.WARNING, "break-the-glass access {0} opened by user {1}; review it on /admin/emergency",
                opened.id(), userId);
        audit.record(AuditEntry.of(AuditAction.EMERGENCY_OPEN, Outcome.PERMIT).on("Patient", personId)
                .patient(regionalId).purpose(Purpose.EMERGENCY).reason(stated + " (until " + opened.expiresAt() + ")"));
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
