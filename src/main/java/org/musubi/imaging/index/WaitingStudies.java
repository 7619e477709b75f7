package org.musubi.imaging.index;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Administrator;

/**
 * The network operators' list of studies that match no source patient ({@code /admin/imaging}): assign one to a
 * facility's patient by its local patient ID (the study is indexed under it at once), try one again (after the
 * facility sent its patient, or after a sending AE title was entered), and keep the table of sending AE titles. Network
 * administrators only; each change is audited once ({@link #TARGET}, {@link #SENDERS}); refused on a read-only standby.
 */
public final class WaitingStudies {

    /** The audit target of an assignment or a retry. */
    public static final String TARGET = "imaging-waiting";
    /** The audit target of a change to the sending AE titles. */
    public static final String SENDERS = "imaging-senders";
    /** Most rows the list shows. */
    public static final int MOST = 500;

    private final IndexState state;
    private final IndexStudies studies;
    private final IdentityStore identities;
    private final Audit audit;
    private final Standby standby;

    public WaitingStudies(IndexState state, IndexStudies studies, IdentityStore identities, Audit audit,
                          Standby standby) {
        this.state = state;
        this.studies = studies;
        this.identities = identities;
        this.audit = audit;
        this.standby = standby;
    }

    /** Why an operator's change was not made (message keys {@code imaging.waiting.fault.*}). */
    public enum Fault { NOT_FOUND, NO_PATIENT, STILL_WAITING, BAD_AET }

    public List<Waiting> list(Administrator admin) {
        return admin.networkAdmin() ? state.waiting(MOST) : List.of();
    }

    public List<IndexState.Sender> senders(Administrator admin) {
        return admin.networkAdmin() ? state.senders() : List.of();
    }

    /** Assigns waiting study {@code studyUid} to facility {@code facilityId}'s patient {@code localId}; empty: done. */
    public Optional<Fault> assign(Administrator admin, String studyUid, long facilityId, String localId) {
        standby.refuseWrites();
        Optional<Waiting> waiting = admin.networkAdmin() ? state.waitingStudy(studyUid) : Optional.empty();
        if (waiting.isEmpty()) {
            return Optional.of(Fault.NOT_FOUND);
        }
        Optional<SourcePatient> patient = localId == null || localId.isBlank() ? Optional.empty()
                : identities.sourcePatient(facilityId, localId.strip());
        if (patient.isEmpty()) {
            audit.record(entry(Outcome.DENY, studyUid, null, "imaging.waiting.fault.NO_PATIENT"));
            return Optional.of(Fault.NO_PATIENT);
        }
        studies.index(waiting.get().orthancId(), new Matched(patient.get().id(), facilityId));
        String person = identities.personOf(patient.get().id()).flatMap(identities::person)
                .map(p -> p.person().regionalId()).orElse(null);
        audit.record(entry(Outcome.PERMIT, studyUid, person, "assigned to source patient " + patient.get().id()));
        return Optional.empty();
    }

    /** Tries waiting study {@code studyUid} again; empty: it is indexed now. */
    public Optional<Fault> retry(Administrator admin, String studyUid) {
        standby.refuseWrites();
        Optional<Waiting> waiting = admin.networkAdmin() ? state.waitingStudy(studyUid) : Optional.empty();
        if (waiting.isEmpty()) {
            return Optional.of(Fault.NOT_FOUND);
        }
        IndexStudies.Outcome outcome = studies.index(waiting.get().orthancId());
        audit.record(entry(Outcome.PERMIT, studyUid, null, outcome.indexed() != null ? "indexed" : "still waiting"));
        return outcome.indexed() != null ? Optional.empty() : Optional.of(Fault.STILL_WAITING);
    }

    /** Enters (or moves) sending AE title {@code aet} as facility {@code facilityId}'s. */
    public Optional<Fault> putSender(Administrator admin, String aet, long facilityId) {
        standby.refuseWrites();
        String title = aet == null ? "" : aet.strip();
        if (!admin.networkAdmin() || !title.matches("[ -~]{1,16}")) {
            return Optional.of(Fault.BAD_AET);
        }
        state.putSender(title, facilityId, admin.userId());
        audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on(SENDERS, title)
                .purpose(Purpose.OPERATIONS).reason("facility " + facilityId));
        return Optional.empty();
    }

    public boolean removeSender(Administrator admin, String aet) {
        standby.refuseWrites();
        if (!admin.networkAdmin() || aet == null || !state.removeSender(aet)) {
            return false;
        }
        audit.record(AuditEntry.of(AuditAction.DELETE, Outcome.PERMIT).on(SENDERS, aet).purpose(Purpose.OPERATIONS));
        return true;
    }

    private static AuditEntry entry(Outcome outcome, String studyUid, String person, String reason) {
        return AuditEntry.of(AuditAction.UPDATE, outcome).on(TARGET, studyUid).patient(person)
                .purpose(Purpose.OPERATIONS).reason(reason);
    }
}
