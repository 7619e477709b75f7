package org.musubi.fhirapi.summary;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Instant;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.AuditAction;
import org.musubi.emergency.dataset.MinimumDataset;
import org.musubi.emergency.dataset.SourcedDataset;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.springframework.stereotype.Component;

/**
 * {@code GET} or {@code POST Patient/<regional person>/$summary}: the person's emergency minimum dataset as a FHIR
 * document ({@link SummaryDocuments}), read as the caller may see it, through the access policy with the purpose the
 * caller declares (as every FHIR read: {@code X-Purpose-Of-Use}; {@code ETREAT} for an emergency access), in one
 * interaction audited once as {@value #AUDITED_AS}. A person the caller may not see answers 404, as one that does not
 * exist. The document is a container: the token needs a scope that reads every type ({@link ScopeTable#SUMMARY}).
 * The IPS {@code profile} parameter is accepted and ignored: the document is IPS-shaped, its resources JP Core.
 */
@Component
public class SummaryProvider implements IResourceProvider {

    /** What the audit row names as the resource type read. */
    public static final String AUDITED_AS = "summary";
    private final MinimumDataset datasets;
    private final PersonOpener opener;
    private final RecordProviderParts parts;
    private final SummaryDocuments documents;

    SummaryProvider(MinimumDataset datasets, PersonOpener opener, RecordProviderParts parts, SummaryDocuments documents) {
        this.datasets = datasets;
        this.opener = opener;
        this.parts = parts;
        this.documents = documents;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    @Operation(name = "$summary", idempotent = true)
    public Bundle summary(@IdParam IdType id, @OperationParam(name = "profile") CanonicalType profile,
                          RequestDetails request) {
        Caller caller = Caller.current();
        caller.scoped(ScopeTable.SUMMARY, parts.audit());
        if (!id.isIdPartValidLong()) {
            parts.reads().missed(caller.reader(), AuditAction.READ, AUDITED_AS, id.getIdPart());
            throw Refusals.notFound(id);
        }
        SourcedDataset read = parts.outcome(datasets.readSourced(caller.reader(), id.getIdPartAsLong(), AUDITED_AS),
                new IdType("Patient", id.getIdPart()));
        Patient patient = opener.patient(opener.opened(caller, read.view()));
        return documents.document(read, patient, request.getFhirServerBase(), Instant.now());
    }
}
