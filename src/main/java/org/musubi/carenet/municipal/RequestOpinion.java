package org.musubi.carenet.municipal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.identity.Person;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.record.Reader;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;

/** A municipality's staff ask a doctor of another facility for a 主治医意見書 about a resident, with a due date. */
public final class RequestOpinion {

    private final MunicipalDocuments documents;
    private final PersonAccess access;
    private final Audit audit;
    private final MunicipalDocuments.Settings settings;

    public RequestOpinion(MunicipalDocuments documents) {
        this.documents = documents;
        this.access = documents.access();
        this.audit = documents.audit();
        this.settings = documents.settings();
    }

    /** Asks a doctor for a 主治医意見書 about the person; faults when it cannot be sent. */
    public MunicipalDocuments.Outcome<UUID> request(Reader by, MunicipalDocuments.Request r) {
        if (settings.readOnly().getAsBoolean()) {
            return MunicipalDocuments.Outcome.fault(MunicipalDocuments.STANDBY);
        }
        boolean asker = settings.parties().actsForKind(by.userId(), Set.of(FacilityKind.MUNICIPALITY))
                && settings.parties().staff(by.userId(), DocumentKind.OPINION.senderReaders()).isPresent();
        if (!asker || !documents.holds(by, r.personId())) {
            documents.refuseFor(by, r.personId(), asker ? Deny.NO_STANDING : MunicipalDocuments.NOT_ASKER);
            return MunicipalDocuments.Outcome.fault(MunicipalDocuments.NOT_FOUND);
        }
        List<String> faults = new ArrayList<>();
        Optional<User> doctor = settings.parties().staff(r.doctorUserId(), DocumentKind.OPINION.addresseeReaders())
                .filter(d -> !d.actingFacilityId().equals(Optional.ofNullable(by.facilityId())));
        if (doctor.isEmpty()) {
            faults.add(MunicipalDocuments.DOCTOR);
        }
        if (r.due() == null || r.due().isBefore(documents.today())) {
            faults.add(MunicipalDocuments.DUE);
        }
        if (r.application() == null || !MunicipalDocuments.APPLICATIONS.contains(r.application())) {
            faults.add(MunicipalDocuments.APPLICATION);
        }
        if (!faults.isEmpty()) {
            return new MunicipalDocuments.Outcome<>(null, faults, List.of());
        }
        UUID id = UUID.randomUUID();
        Interaction<UUID> made = audit.allOrNothing(() -> access.interact(by.userId(), Purpose.TREATMENT,
                Reached.person(r.personId()),
                AuditAction.CREATE, MunicipalDocuments.TYPE, view -> {
                    if (!view.actAsHolder().permitted() || view.opened().isEmpty()) {
                        return Interaction.refused(view.actAsHolder(), List.of());
                    }
                    Person p = view.opened().get().person();
                    documents.insert(new MunicipalDocument(id, DocumentKind.OPINION, r.personId(), by.facilityId(),
                            by.userId(), doctor.get().actingFacilityId().orElseThrow(), doctor.get().id(),
                            DocumentStatus.REQUESTED, null, MunicipalDocuments.name(p.familyKanji(), p.givenKanji()),
                            MunicipalDocuments.name(p.familyKana(), p.givenKana()), p.birthDate(), r.application(),
                            MunicipalDocuments.blank(r.insuredNumber()), MunicipalDocuments.blank(r.note()), r.due(),
                            null, null, null, null,
                            settings.clock().instant(), null, null));
                    return Interaction.permitted(id, view.decision(), List.of(MunicipalDocuments.TYPE + "/" + id));
                }));
        return made.permitted() ? MunicipalDocuments.Outcome.done(id)
                : MunicipalDocuments.Outcome.fault(MunicipalDocuments.NOT_FOUND);
    }
}
