package org.musubi.fhirapi.pixm;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.person.IdentifierLookup;
import org.musubi.fhirapi.person.IdentifierSystems;
import org.musubi.fhirapi.person.OpenedPerson;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.record.ReadRecords;
import org.springframework.stereotype.Component;

/**
 * PIXm query (ITI-83): the other identifiers of the person behind a source identifier, limited to
 * the facilities whose data the caller may see. Asked by one of the caller's own patient IDs without standing for the
 * person (no live link made with the card), the answer is the caller's own patient only: its own other identifiers
 * and its own Patient as {@code targetId}, never the regional ID or the person's id. Unknown source domain: 400; unknown target domain:
 * 403; no such patient, another facility's patient ID the caller may not see, or a person the policy
 * does not open for the caller: one 404, alike in every case. Every query leaves one audit row.
 */
@Component
class PixQuery {

    private final IdentifierSystems systems;
    private final IdentifierLookup lookup;
    private final PersonOpener opener;
    private final ReadRecords reads;

    PixQuery(IdentifierSystems systems, IdentifierLookup lookup, PersonOpener opener, ReadRecords reads) {
        this.systems = systems;
        this.lookup = lookup;
        this.opener = opener;
        this.reads = reads;
    }

    Parameters query(Caller caller, String system, String value, List<String> targetSystems) {
        for (String target : targetSystems) {
            if (!systems.known(target)) {
                throw new ForbiddenOperationException("targetSystem が見つかりません: " + target + " / targetSystem not found: "
                        + target);
            }
        }
        var found = lookup.find(system, value, "sourceIdentifier");
        if (found.isEmpty()) {
            reads.missed(caller.reader(), AuditAction.SEARCH, "Patient", "$ihe-pix");
            throw Refusals.identifierNotFound();
        }
        var asked = found.get();
        OpenedPerson opened = (asked.ownOf(caller.facilityId()) ? opener.openThrough(caller, asked.personId(), asked.source())
                : opener.open(caller, asked.personId())).orElseThrow(Refusals::identifierNotFound);
        if (asked.facilityId() != null && !opened.seesFacility(asked.facilityId())) {
            throw Refusals.identifierNotFound();
        }
        Patient patient = opener.patient(opened);
        Parameters result = new Parameters();
        for (Identifier identifier : patient.getIdentifier()) {
            boolean source = identifier.getSystem().equals(system) && identifier.getValue().equals(value.strip());
            if (!source && (targetSystems.isEmpty() || targetSystems.contains(identifier.getSystem()))) {
                result.addParameter().setName("targetIdentifier")
                        .setValue(new Identifier().setSystem(identifier.getSystem()).setValue(identifier.getValue())
                                .setUse(identifier.getUse()));
            }
        }
        if (opened.id() != null) {
            result.addParameter().setName("targetId").setValue(new Reference("Patient/" + opened.id()));
        }
        return result;
    }
}
