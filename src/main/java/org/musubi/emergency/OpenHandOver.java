package org.musubi.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.consent.Refused;
import org.musubi.identity.FindPerson;
import org.musubi.policy.OpenEmergencyAccess;

/**
 * An emergency room doctor (any emergency profession) of the receiving facility opens a hand-over: the first time, an
 * emergency access of kind HANDOVER until the hand-over expires (break-the-glass without a password: the crew stated
 * the reason; {@link OpenEmergencyAccess#openHandOver}); afterwards the access already open. A token nobody made, a
 * hand-over to another facility, and an expired one are answered alike ({@link OpenEmergencyAccess#NOT_FOUND}), each
 * audited once; so is a person the policy refuses (the consent withdrawn meanwhile, the facility blocked).
 */
public final class OpenHandOver {

    private final HandOvers handOvers;
    private final Consents consents;
    private final OpenEmergencyAccess glass;
    private final FindPerson persons;
    private final Audit audit;
    private final Clock clock = Clock.systemUTC();

    public OpenHandOver(HandOvers handOvers, Consents consents, OpenEmergencyAccess glass, FindPerson persons,
                        Audit audit) {
        this.handOvers = handOvers;
        this.consents = consents;
        this.glass = glass;
        this.persons = persons;
        this.audit = audit;
    }

    /** The person handed over, once an emergency access of the user's is open on them; else {@link Refused}. */
    public long open(long userId, Long facilityId, String token) {
        Instant now = clock.instant();
        Optional<HandOver> found = token == null || token.length() > 64 ? Optional.empty() : handOvers.byToken(token);
        String refusal = found.isEmpty() ? "unknown hand-over"
                : facilityId == null || found.get().toFacilityId() != facilityId ? "hand-over to another facility"
                : !found.get().liveAt(now) ? "hand-over expired" : null;
        if (refusal != null) {
            audit.record(AuditEntry.of(AuditAction.EMERGENCY_OPEN, Outcome.DENY).on("EmergencyHandOver")
                    .patient(found.flatMap(h -> persons.regionalIdOf(h.personId())).orElse(null))
                    .purpose(Purpose.EMERGENCY).reason(refusal));
            throw new Refused(OpenEmergencyAccess.NOT_FOUND);
        }
        HandOver handOver = found.get();
        boolean open = consents.openEmergenciesOf(userId, now).stream().anyMatch(a -> a.kind() == EmergencyAccess.Kind.HANDOVER
                && a.handOverId() != null && a.handOverId() == handOver.id());
        if (!open) {
            glass.openHandOver(userId, handOver.personId(), handOver.id(), handOver.expiresAt());
        }
        return handOver.personId();
    }
}
