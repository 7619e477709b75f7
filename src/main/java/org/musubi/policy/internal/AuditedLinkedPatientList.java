package org.musubi.policy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.PatientLink;
import org.musubi.identity.PersonDirectory;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.Decision;
import org.musubi.policy.linked.LinkedPatient;
import org.musubi.policy.linked.LinkedPatients;
import org.musubi.policy.linked.ListLinkedPatients;
import org.musubi.policy.Requester;
import org.springframework.stereotype.Service;

@Service
class AuditedLinkedPatientList implements ListLinkedPatients {

    private final AccessPolicy policy;
    private final PolicyFacts facts;
    private final PersonViews views;
    private final LinkSources sources;
    private final Audit audit;

    AuditedLinkedPatientList(PersonViews views, Consents consents, PersonDirectory directory, Audit audit) {
        this.policy = views.policy();
        this.facts = views.facts();
        this.views = views;
        this.sources = new LinkSources(consents, directory);
        this.audit = audit;
    }

    @Override
    public LinkedPatients list(long userId, String text, PageRequest page, ListLinkedPatients.Glance glance) {
        Requester requester = facts.requester(userId);
        Decision decision = policy.decideLinkList(requester);
        if (!decision.permitted()) {
            audit.record(entry(Outcome.DENY, decision, List.of()));
            return LinkedPatients.refused(decision, page);
        }
        Page<LinkedPatient> shown = sources.page(requester.facilityId(), text, page);
        if (!shown.items().isEmpty()) {
            glance.at(shown.items(), personId -> views.view(requester, Purpose.TREATMENT, personId));
        }
        if (shown.items().isEmpty()) {
            audit.record(entry(Outcome.PERMIT, decision, List.of()));
        } else {
            // One row per patient shown, naming the patient, so each patient's access log lists the view.
            audit.recordAll(shown.items().stream().map(p -> entry(Outcome.PERMIT, decision, List.of(p.personId()))
                    .patient(p.person().regionalId())).toList());
        }
        return new LinkedPatients(decision, shown);
    }

    private static AuditEntry entry(Outcome outcome, Decision decision, List<Long> personIds) {
        return AuditEntry.of(AuditAction.PATIENT_LIST, outcome).on("Patient", personIds.toArray())
                .purpose(Purpose.TREATMENT).reason(decision.key());
    }

    /** The facility's open links joined with the persons they name, as consent and identity keep them. */
    private record LinkSources(Consents consents, PersonDirectory directory) {

        Page<LinkedPatient> page(long facilityId, String text, PageRequest page) {
            Map<Long, PatientLink> links = consents.openLinks(facilityId).stream()
                    .collect(Collectors.toMap(PatientLink::personId, Function.identity(), (a, b) -> a,
                            LinkedHashMap::new));
            return directory.amongPersons(List.copyOf(links.keySet()), facilityId, text, page)
                    .map(p -> new LinkedPatient(p.person().id(), p.person().person(), p.chartNumber(),
                            links.get(p.person().id()).linkedAt()));
        }
    }
}
