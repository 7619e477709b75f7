package org.musubi.fhirapi.record;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.bundle.DocumentBundles;
import org.musubi.fhirapi.person.OwnPatientIds;
import org.musubi.fhirapi.store.ConditionalCreates;
import org.musubi.fhirapi.store.RecordResources;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Interaction;
import org.musubi.record.NotOwner;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceWrite;
import org.musubi.record.ResourceWrite.VersionConflict;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.springframework.stereotype.Component;

/** What every record resource provider shares: reads, writes, conversions and the refusal answers. */
@Component
public record RecordProviderParts(RecordResources resources, ReadRecords reads, WriteRecords writes, Audit audit,
                           DocumentBundles documents, IncludedReferences includes,
                           OwnPatientIds patients, ConditionalCreates conditions) {

    /** The interaction's value, or one 404 whether there is no such resource or the policy refused it. */
    public <T> T outcome(Interaction<T> interaction, IdType id) {
        if (interaction.permitted()) {
            return interaction.value();
        }
        throw Refusals.notFound(id);
    }

    public Written write(Caller caller, IBaseResource resource, String id) {
        return write(caller, resource, id, Set.of());
    }

    /**
     * As above; {@code held}: categories the resource holds that its JSON does not show (the content uploaded for a
     * Binary).
     */
    public Written write(Caller caller, IBaseResource resource, String id, Set<DataCategory> held) {
        return write(caller, resource, id, held, null);
    }

    /**
     * As above; {@code ifMatch}: the version the caller means to replace (FHIR's {@code If-Match}, null for none): a
     * resource at another version answers 412 and nothing is stored.
     */
    public Written write(Caller caller, IBaseResource resource, String id, Set<DataCategory> held, Integer ifMatch) {
        long facility = caller.writingFacility();
        String type = resource.fhirType();
        if (resource instanceof Bundle bundle && id == null) {
            try {
                return audit.allOrNothing(() -> documents.store(caller, bundle));
            } catch (NotOwner e) {
                throw Refusals.notFound(new IdType(e.type(), e.id()));
            }
        }
        try {
            if (id != null) {
                writes.requireWritable(caller.reader(), type, id);
            }
            ResourceWrite write;
            try {
                write = resources.toWrite(resource, id, facility).holding(held);
                if (ifMatch != null) {
                    write = write.expecting(ifMatch);
                }
            } catch (BaseServerResponseException e) {
                writes.refused(type, id, "record.invalid " + e.getStatusCode());
                throw e;
            }
            return writes.write(caller.reader(), write);
        } catch (VersionConflict e) {
            throw Refusals.versionConflict(e);
        } catch (NotOwner e) {
            throw Refusals.notFound(new IdType(e.type(), e.id()));
        }
    }
}
