package org.musubi.fhirapi.internal;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.audit.Audit;
import org.musubi.policy.Interaction;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.springframework.stereotype.Component;

/** What every record resource provider shares: reads, writes, conversions and the refusal answers. */
@Component
record RecordProviderParts(RecordResources resources, ReadRecords reads, WriteRecords writes, Refusals refusals,
                           Audit audit, DocumentBundles documents, IncludedReferences includes) {

    /** The interaction's value, or 404 (no such resource) or 403 (with the policy's reason). */
    <T> T outcome(Interaction<T> interaction, IdType id) {
        if (interaction.permitted()) {
            return interaction.value();
        }
        if (interaction.decision().key().equals(ReadRecords.NOT_FOUND)) {
            throw new ResourceNotFoundException(id);
        }
        throw refusals.of(interaction.decision());
    }

    Written write(Caller caller, IBaseResource resource, String id) {
        long facility = caller.writingFacility();
        String type = resource.fhirType();
        if (resource instanceof org.hl7.fhir.r4.model.Bundle bundle && id == null) {
            try {
                return documents.store(caller, bundle);
            } catch (WriteRecords.NotOwner e) {
                throw notOwner();
            }
        }
        try {
            if (id != null) {
                writes.requireOwner(caller.reader(), type, id);
            }
            ResourceWrite write;
            try {
                write = resources.toWrite(resource, id, facility);
            } catch (BaseServerResponseException e) {
                writes.refused(type, id, "record.invalid " + e.getStatusCode());
                throw e;
            }
            return writes.write(caller.reader(), write);
        } catch (WriteRecords.NotOwner e) {
            throw notOwner();
        }
    }

    ForbiddenOperationException notOwner() {
        return new ForbiddenOperationException("他施設が登録した記録は変更できません / A record registered by another facility "
                + "cannot be changed");
    }
}
