package org.musubi.record.internal;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.record.Written;

/** The write doors' audit rows: one per write or refusal, naming the patient's regional ID when linked. */
public final class WriteAudits {

    private final IdentityStore identities;
    private final Audit audit;

    public WriteAudits(IdentityStore identities, Audit audit) {
        this.identities = identities;
        this.audit = audit;
    }

    /** The regional ID of the person source patient {@code patientKey} is linked to; null when none (or key 0). */
    public String patientOf(long patientKey) {
        if (patientKey == 0) {
            return null;
        }
        return identities.personOf(patientKey).flatMap(identities::person).map(p -> p.person().regionalId()).orElse(null);
    }

    /** Records {@link #entry} at once. */
    public void record(AuditAction action, Outcome outcome, String type, String id, String patient, String reason) {
        audit.record(entry(action, outcome, type, id, patient, reason));
    }

    /** The audit row of one write (of purpose treatment; {@code id} null: "new"). */
    public static AuditEntry entry(AuditAction action, Outcome outcome, String type, String id, String patient,
                                   String reason) {
        return AuditEntry.of(action, outcome).on(type, id == null ? "new" : id).patient(patient)
                .purpose(Purpose.TREATMENT).reason(reason);
    }

    /** Whether a write changed what is stored. */
    public static boolean changed(Written written) {
        return written.change() != Written.Change.UNCHANGED;
    }
}
