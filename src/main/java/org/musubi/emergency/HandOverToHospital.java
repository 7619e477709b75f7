package org.musubi.emergency;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.consent.Refused;
import org.musubi.identity.FindPerson;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;

/**
 * A crew hands the person it opened over to the receiving hospital or clinic: that facility gets a time-limited
 * emergency link to the person (its emergency professions open the emergency minimum dataset, each under an
 * emergency access of their own). Only under the crew member's open crew access to that person, only to an active
 * hospital or clinic. Never a facility link, and it expires. One audit row, permit or deny.
 */
public final class HandOverToHospital {

    /** The one refusal: no open crew access to this person, or no such receiving facility. */
    public static final String REFUSED = "emergency.handOver.refused";
    /** The kinds of facility that receive patients from ambulances. */
    public static final Set<FacilityKind> RECEIVING = Set.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC);
    /** How the audit record of a hand-over made on a standby ends: {@code  [standby hand-over person <id> access <id>]}. */
    public static final String STANDBY_TAG = " [standby hand-over person ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Consents consents;
    private final HandOvers handOvers;
    private final Facilities facilities;
    private final FindPerson persons;
    private final Audit audit;
    private final Duration duration;
    private final Clock clock = Clock.systemUTC();

    public HandOverToHospital(Consents consents, HandOvers handOvers, Facilities facilities, FindPerson persons,
                              Audit audit, Duration duration) {
        this.consents = consents;
        this.handOvers = handOvers;
        this.facilities = facilities;
        this.persons = persons;
        this.audit = audit;
        this.duration = duration;
    }

    public HandOver handOver(long userId, long personId, long facilityId) {
        Instant now = clock.instant();
        String regionalId = persons.regionalIdOf(personId).orElse(null);
        Optional<EmergencyAccess> crew = consents.openEmergenciesOf(userId, now).stream()
                .filter(a -> a.kind() == EmergencyAccess.Kind.CREW && a.personId() == personId).findFirst();
        Optional<Facility> to = facilities.find(facilityId)
                .filter(f -> f.active() && RECEIVING.contains(f.kind()));
        if (crew.isEmpty() || to.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.EMERGENCY_HANDOVER, Outcome.DENY).on("Facility", facilityId)
                    .patient(regionalId).purpose(Purpose.EMERGENCY)
                    .reason(crew.isEmpty() ? "no open crew access to the person" : "not a receiving facility"));
            throw new Refused(REFUSED);
        }
        HandOver made = handOvers.create(token(), personId, userId, crew.get().id(), facilityId, now.plus(duration));
        audit.record(AuditEntry.of(AuditAction.EMERGENCY_HANDOVER, Outcome.PERMIT).on("Facility", facilityId)
                .patient(regionalId).purpose(Purpose.EMERGENCY)
                .reason("hand-over " + made.id() + " to " + to.get().nameKanji() + " (until " + made.expiresAt() + ")"
                        + standbyTag(made)));
        return made;
    }

    /**
     * What a hand-over made on a read-only standby (kept in memory, a negative id) adds to its audit record so that the
     * merge of the standby's spool can make it again on the primary: the person and the crew's access it was made
     * under (negative when that access too was opened on the standby). Empty for a stored hand-over.
     */
    public static String standbyTag(HandOver made) {
        return made.id() >= 0 ? "" : STANDBY_TAG + made.personId() + " access " + made.fromAccessId() + "]";
    }

    /** 144 random bits, URL-safe. */
    public static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
