package org.musubi.fhirapi.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.fhirapi.incoming.IncomingValidation;
import org.musubi.policy.DataCategory;
import org.musubi.record.Located;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.ResourceKind;
import org.springframework.stereotype.Component;

/**
 * Between HAPI resources and the record store: stored JSON to a resource with its version metadata,
 * and an incoming resource to a write under the writer's own source patient ({@link PatientReferences}).
 */
@Component
public class RecordResources {

    private final FhirContext context;
    private final ResourceEncoder encoder;
    private final ResourceLookup store;
    private final IncomingValidation validation;
    private final PatientReferences patients;

    RecordResources(FhirContext context, ResourceEncoder encoder, ResourceLookup store, IncomingValidation validation,
                    PatientReferences patients) {
        this.context = context;
        this.validation = validation;
        this.encoder = encoder;
        this.store = store;
        this.patients = patients;
    }

    public IBaseResource toResource(StoredResource stored) {
        Resource resource = (Resource) parser().parseResource(stored.json());
        resource.setId(stored.type() + "/" + stored.id() + "/_history/" + stored.version());
        resource.getMeta().setVersionId(String.valueOf(stored.version())).setLastUpdated(Date.from(stored.lastUpdated()));
        return resource;
    }

    /** The write of an incoming resource by the facility {@code writerFacility}; {@code id} for an update. */
    public ResourceWrite toWrite(IBaseResource incoming, String id, long writerFacility) {
        return toWrite(incoming, id, writerFacility, new HashMap<>());
    }

    /**
     * As {@link #toWrite(IBaseResource, String, long)}; {@code resolved} remembers each patient
     * reference's source patient across the writes of one Bundle, so it is looked up once.
     */
    public ResourceWrite toWrite(IBaseResource incoming, String id, long writerFacility,
                                 Map<String, Optional<Long>> resolved) {
        return toWrite(incoming, id, writerFacility, resolved, null);
    }

    /**
     * As above; {@code json}, when given, is the resource's stored JSON made from the request's own
     * text ({@link org.musubi.fhirapi.incoming.IncomingJson}), so the resource is not encoded again.
     */
    public ResourceWrite toWrite(IBaseResource incoming, String id, long writerFacility,
                                 Map<String, Optional<Long>> resolved, String json) {
        Resource resource = (Resource) incoming;
        String type = resource.fhirType();
        Optional<ResourceKind.Refusal> refused = ResourceKind.refusal(resource);
        if (refused.isPresent()) {
            throw unstored(type, refused.get());
        }
        ResourceKind kind = ResourceKind.of(type).orElseThrow();
        validation.check(resource);
        long patientKey = kind.patientPath() == null ? 0 : patients.patientKey(resource, kind, writerFacility, resolved);
        try {
            return encoder.incoming(resource, json, this::categoriesOf).under(patientKey, id, null, writerFacility);
        } catch (ContentCategories.Unreadable e) {
            throw new UnprocessableEntityException(e.about(type));
        }
    }

    /**
     * A resource Musubi does not store, refused with the reason; its OperationOutcome names the resource as the element
     * at fault (in a Bundle: {@code Bundle.entry[n].resource}, {@link org.musubi.fhirapi.bundle.EntryRefusals}).
     */
    private static InvalidRequestException unstored(String type, ResourceKind.Refusal refusal) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.NOTSUPPORTED)
                .setDiagnostics(refusal.text()).addExpression(type);
        return new InvalidRequestException(refusal.text(), outcome);
    }

    /** Every category of FHIR content uploaded as a Binary ({@link ContentCategories#ofContent}). */
    public Set<DataCategory> contentCategories(byte[] content, String contentType) {
        return encoder.ofContent(content, contentType, this::categoriesOf);
    }

    /** Every category of a stored resource an attachment names (none when there is no such resource). */
    private Set<DataCategory> categoriesOf(String type, String id) {
        return store.locate(type, id).map(Located::categories).orElse(Set.of());
    }

    /** The path of the reference to the patient a resource of this type is about, if it has one. */
    public Optional<String> patientPath(IBaseResource resource) {
        return ResourceKind.of(resource.fhirType()).map(ResourceKind::patientPath);
    }

    /** The source patient key of a Patient this store holds. */
    public long patientKeyOf(String patientId) {
        return store.locate("Patient", patientId).map(Located::patientKey).orElseThrow();
    }

    public FhirContext context() {
        return context;
    }

    public IParser parser() {
        return context.newJsonParser();
    }
}
