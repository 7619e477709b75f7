package org.musubi.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.security.Reauthentication;

/**
 * Break-the-glass: in an emergency a user opens a person's emergency minimum dataset without a
 * facility link, after stating why and typing their password again. It lasts a limited time,
 * is audited, and waits in the operators' review list until a network admin has reviewed it.
 */
public final class OpenEmergencyAccess {

    /** The operations alert (no patient data): monitoring can page network admins on these lines. */
    private static final System.Logger ALERTS = System.getLogger("org.musubi.alerts.emergency");

    private final Consents consents;
    private final IdentityStore identities;
    private final Reauthentication reauthentication;
    private final Audit audit;
    private final Duration duration;
    private final Clock clock;

    public OpenEmergencyAccess(Consents consents, IdentityStore identities, Reauthentication reauthentication,
                               Audit audit, Duration duration, Clock clock) {
        this.consents = consents;
        this.identities = identities;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.duration = duration;
        this.clock = clock;
    }

    public EmergencyAccess open(long userId, long personId, String reason, String password) {
        RegisteredPerson person = identities.person(personId).filter(RegisteredPerson::active)
                .orElseThrow(() -> new Refused("emergency.person.unknown"));
        String regionalId = person.person().regionalId();
        String stated = reason == null ? "" : reason.strip();
        if (stated.codePointCount(0, stated.length()) < 5) {
            throw refused(regionalId, "emergency.reason.required");
        }
        if (!reauthentication.confirm(userId, password)) {
            throw refused(regionalId, "emergency.password.wrong");
        }
        EmergencyAccess opened = consents.openEmergency(personId, userId, stated, Instant.now(clock).plus(duration));
        ALERTS.log(System.Logger.Level.WARNING, "break-the-glass access {0} opened by user {1}; review it on /admin/emergency",
                opened.id(), userId);
        audit.record(AuditEntry.of(AuditAction.EMERGENCY_OPEN, Outcome.PERMIT).on("Patient", personId)
                .patient(regionalId).purpose(Purpose.EMERGENCY).reason(stated + " (until " + opened.expiresAt() + ")"));
        return opened;
    }

    private Refused refused(String regionalId, String key) {
        audit.record(AuditEntry.of(AuditAction.EMERGENCY_OPEN, Outcome.DENY).on("Patient").patient(regionalId)
                .purpose(Purpose.EMERGENCY).reason(key));
        return new Refused(key);
    }
}
