package org.musubi.emergency;

import java.time.Clock;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.consent.Refused;
import org.musubi.policy.EmergencyEligibility;
import org.musubi.policy.OpenEmergencyAccess;

/**
 * Break-the-glass as an ambulance crew uses it at {@code /emergency}: the same use case as the clinicians'
 * ({@link OpenEmergencyAccess}, which makes a crew member's access short and one person at a time), offered only to
 * paramedics of a fire department; anyone else is refused before any person is looked up ({@link #CREW_ONLY}, one
 * audit row) and keeps {@code /portal/emergency}.
 */
public final class CrewAccess {

    /** The page is for ambulance crews; other emergency professions use {@code /portal/emergency}. */
    public static final String CREW_ONLY = "emergency.crew.only";
    private final EmergencyEligibility eligibility;
    private final OpenEmergencyAccess glass;
    private final Consents consents;
    private final Audit audit;
    private final Clock clock = Clock.systemUTC();

    public CrewAccess(EmergencyEligibility eligibility, OpenEmergencyAccess glass, Consents consents, Audit audit) {
        this.eligibility = eligibility;
        this.glass = glass;
        this.consents = consents;
        this.audit = audit;
    }

    /** Whether the user is an ambulance crew member (a paramedic of a fire department). */
    public boolean crew(long userId) {
        return eligibility.crew(userId);
    }

    /** Step one: the one person in front of the crew ({@link OpenEmergencyAccess#find}). */
    public OpenEmergencyAccess.Found find(long userId, OpenEmergencyAccess.Lookup lookup) {
        refuseUnlessCrew(userId, AuditAction.EMERGENCY_LOOKUP);
        return glass.find(userId, lookup);
    }

    /** Step two: the reason from the short list and the password; ends the crew member's previous access. */
    public EmergencyAccess open(long userId, long personId, OpenEmergencyAccess.Reason reason, String password) {
        refuseUnlessCrew(userId, AuditAction.EMERGENCY_OPEN);
        return glass.open(userId, personId, reason, password);
    }

    /** The crew member's open access (at most one), if any. */
    public Optional<EmergencyAccess> current(long userId) {
        return consents.openEmergenciesOf(userId, clock.instant()).stream()
                .filter(a -> a.kind() == EmergencyAccess.Kind.CREW).findFirst();
    }

    private void refuseUnlessCrew(long userId, AuditAction action) {
        if (!eligibility.crew(userId)) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("Patient").purpose(Purpose.EMERGENCY).reason(CREW_ONLY));
            throw new Refused(CREW_ONLY);
        }
    }
}
