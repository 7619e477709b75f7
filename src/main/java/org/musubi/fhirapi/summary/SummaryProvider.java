package org.musubi.fhirapi.summary;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.audit.AuditAction;
import org.musubi.emergency.dataset.MinimumDataset;
import org.musubi.emergency.dataset.SourcedDataset;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.person.IdentifierLookup;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.policy.Decision;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.springframework.stereotype.Component;

/**
 * {@code GET} or {@code POST Patient/<regional person>/$summary}, or {@code Patient/$summary?identifier=system|value}
 * (the IPS type-level form: a regional ID, or a facility's patient ID as the facility registered it,
 * {@link SummaryIdentifiers}): the person's emergency minimum dataset as a FHIR document ({@link SummaryDocuments}),
 * read as the caller may see it, through the access policy with the purpose the caller declares (as every FHIR read:
 * {@code X-Purpose-Of-Use}; {@code ETREAT} for an emergency access), in one interaction audited once as
 * {@value #AUDITED_AS}. A person the caller may not see answers 404, as one that does not exist; by identifier, one
 * 404 text for every identifier that names nobody, names someone the caller may not see, or is a facility's patient
 * ID whose facility's data the caller may not see. The document is a container: the token needs a scope that reads
 * every type ({@link ScopeTable#SUMMARY}). The IPS {@code profile} parameter is accepted and ignored: the document is
 * IPS-shaped, its resources JP Core.
 */
@Component
public class SummaryProvider implements IResourceProvider {

    /** What the audit row names as the resource type read. */
    public static final String AUDITED_AS = "summary";
    private final MinimumDataset datasets;
    private final SummaryIdentifiers identifiers;
    private final RecordProviderParts parts;
    private final SummaryDocuments documents;

    SummaryProvider(MinimumDataset datasets, SummaryIdentifiers identifiers, RecordProviderParts parts,
                    SummaryDocuments documents) {
        this.datasets = datasets;
        this.identifiers = identifiers;
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
        return document(caller, id.getIdPartAsLong(), PersonView::decision,
                () -> Refusals.notFound(new IdType("Patient", id.getIdPart())), request);
    }

    /**
     * The type-level form: the person named by {@code identifier} (IPS 2.0: a string {@code system|value} searched as a
     * token; in a POST, a Parameters' {@code valueString}).
     */
    @Operation(name = "$summary", idempotent = true)
    public Bundle summaryByIdentifier(@OperationParam(name = SummaryIdentifiers.PARAMETER, max = 1) StringType identifier,
                                      @OperationParam(name = "profile") CanonicalType profile, RequestDetails request) {
        Caller caller = Caller.current();
        caller.scoped(ScopeTable.SUMMARY, parts.audit());
        Optional<IdentifierLookup.Found> found = identifiers.find(identifier);
        Supplier<ResourceNotFoundException> notFound = () -> Refusals.identifierNotFound(SummaryIdentifiers.PARAMETER);
        if (found.isEmpty()) {
            parts.reads().missed(caller.reader(), AuditAction.READ, AUDITED_AS, SummaryIdentifiers.PARAMETER);
            throw notFound.get();
        }
        return document(caller, found.get().personId(), SummaryIdentifiers.gate(found.get()), notFound, request);
    }

    /** One audited read of the dataset, gated by {@code gate}; the document, or {@code notFound} for any refusal. */
    private Bundle document(Caller caller, long personId, Function<PersonView, Decision> gate,
                            Supplier<ResourceNotFoundException> notFound, RequestDetails request) {
        Interaction<SourcedDataset> read = datasets.readSourced(caller.reader(), personId, AUDITED_AS, gate);
        if (!read.permitted()) {
            throw notFound.get();
        }
        return documents.document(read.value(), caller, request.getFhirServerBase(), Instant.now());
    }
}
