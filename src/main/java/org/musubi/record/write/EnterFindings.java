package org.musubi.record.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.record.NotOwner;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.internal.WriteAudits;
import org.musubi.record.store.ResourceStore;

/**
 * The device's door to the record: findings a device outside Musubi made about a facility's data (an AI service's
 * analysis of a study, issue 47), stored as that data's facility's under its source patient, with their Provenance,
 * audited once. The act has no reader to ask the policy about — the caller proved the device's standing for that data
 * — so it is not a disclosure, and has a door of its own beside {@code WriteRecords}.
 */
public final class EnterFindings {

    /** What a device's findings may store: the device, its observations and its report. */
    private static final Set<String> FINDINGS = Set.of("Device", "Observation", "DiagnosticReport");

    private final ResourceStore store;
    private final IdentityStore identities;
    private final Audit audit;
    private final WriteAudits audits;

    public EnterFindings(ResourceStore store, IdentityStore identities, Audit audit) {
        this.store = store;
        this.identities = identities;
        this.audit = audit;
        this.audits = new WriteAudits(identities, audit);
    }

    /**
     * Findings a device made about a facility's data, entered by Musubi itself on the device's behalf: no reader asks
     * the access policy — the caller proved the device's standing for that data (its work item's token) — and the
     * findings become data of the analysed data's own facility {@code facilityId} under its source patient {@code
     * patientKey}, so that whoever may see the data may see its findings, and nobody else. Only Devices, Observations
     * and DiagnosticReports of that facility and patient are taken, new or the same ids again ({@link NotOwner}
     * otherwise, nothing stored), with the Provenance {@code provenance} makes of what changed, then {@code after}
     * (the caller's own step, e.g. its work item DONE), all in one database transaction with the one audit row by
     * {@code actor} ({@code action} on {@code auditedAs}, naming every resource changed, with the patient's regional
     * ID when linked).
     *
     * @return one outcome per write, in order, then the Provenance's when it was written
     */
    public List<Written> enter(Actor actor, long patientKey, long facilityId, AuditAction action, String auditedAs,
                               List<ResourceWrite> writes, Function<List<Written>, ResourceWrite> provenance,
                               Runnable after) {
        if (writes.isEmpty()) {
            throw new IllegalArgumentException("nothing to store");
        }
        boolean ours = identities.sourcePatient(patientKey).filter(p -> p.facilityId() == facilityId).isPresent();
        for (ResourceWrite write : writes) {
            if (!ours || write.sourceFacilityId() != facilityId || write.patientKey() != patientKey
                    || !FINDINGS.contains(write.type()) || write.id() == null) {
                audits.record(action, Outcome.DENY, write.type(), write.id(), audits.patientOf(patientKey),
                        "record.notOwner");
                throw new NotOwner(write.type(), write.id());
            }
        }
        return audit.allOrNothing(() -> {
            List<Written> written = new ArrayList<>(store.writeOwn(facilityId, writes, null));
            if (written.stream().anyMatch(WriteAudits::changed)) {
                ResourceWrite trail = provenance.apply(List.copyOf(written));
                if (trail.sourceFacilityId() != facilityId || trail.patientKey() != patientKey
                        || !"Provenance".equals(trail.type())) {
                    throw new NotOwner(trail.type(), trail.id());
                }
                written.addAll(store.writeOwn(facilityId, List.of(trail), null));
            }
            after.run();
            List<String> changed = written.stream().filter(WriteAudits::changed).map(w -> w.type() + "/" + w.id())
                    .toList();
            audit.record(AuditEntry.of(action, Outcome.PERMIT).on(auditedAs, changed.toArray())
                    .patient(audits.patientOf(patientKey)).purpose(Purpose.TREATMENT)
                    .reason(changed.isEmpty() ? "unchanged" : "entered").by(actor));
            return written;
        });
    }
}
