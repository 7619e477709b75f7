package org.musubi.fhirapi.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.record.ResourceStore;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * Between HAPI resources and the record store: stored JSON to a resource with its version metadata,
 * and an incoming resource to a write under the writer's own source patient.
 */
@Component
class RecordResources {

    private final FhirContext context;
    private final FhirIndexer indexer;
    private final IdentityStore identities;
    private final ResourceStore store;
    private final IdentifierSystems systems;
    private final Facilities facilities;
    private final IncomingValidation validation;

    RecordResources(FhirContext context, FhirIndexer indexer, IdentityStore identities, ResourceStore store,
                    IdentifierSystems systems, Facilities facilities, IncomingValidation validation) {
        this.context = context;
        this.validation = validation;
        this.indexer = indexer;
        this.identities = identities;
        this.store = store;
        this.systems = systems;
        this.facilities = facilities;
    }

    IBaseResource toResource(StoredResource stored) {
        Resource resource = (Resource) parser().parseResource(stored.json());
        resource.setId(stored.type() + "/" + stored.id() + "/_history/" + stored.version());
        resource.getMeta().setVersionId(String.valueOf(stored.version())).setLastUpdated(Date.from(stored.lastUpdated()));
        return resource;
    }

    /** The write of an incoming resource by the facility {@code writerFacility}; {@code id} for an update. */
    ResourceWrite toWrite(IBaseResource incoming, String id, long writerFacility) {
        return toWrite(incoming, id, writerFacility, new java.util.HashMap<>());
    }

    /**
     * As {@link #toWrite(IBaseResource, String, long)}; {@code resolved} remembers each patient
     * reference's source patient across the writes of one Bundle, so it is looked up once.
     */
    ResourceWrite toWrite(IBaseResource incoming, String id, long writerFacility,
                          java.util.Map<String, Optional<Long>> resolved) {
        return toWrite(incoming, id, writerFacility, resolved, null);
    }

    /**
     * As above; {@code json}, when given, is the resource's stored JSON made from the request's own
     * text ({@link IncomingJson}), so the resource is not encoded again.
     */
    ResourceWrite toWrite(IBaseResource incoming, String id, long writerFacility,
                          java.util.Map<String, Optional<Long>> resolved, String json) {
        Resource resource = (Resource) incoming;
        String type = resource.fhirType();
        ResourceKind kind = ResourceKind.of(type).orElseThrow(() -> new InvalidRequestException(
                type + " は保存できない種類です / Musubi does not store " + type));
        validation.check(resource);
        long patientKey = kind.patientPath() == null ? 0 : patientKey(resource, kind, writerFacility, resolved);
        String stored = json;
        if (stored == null) {
            resource.setIdElement(null);
            resource.getMeta().setVersionIdElement(null).setLastUpdatedElement(null);
            stored = parser().encodeResourceToString(resource);
        }
        DataCategory category = indexer.category(resource, kind);
        Set<DataCategory> held;
        try {
            held = indexer.contents().held(type, stored, category, this::categoriesOf);
        } catch (ContentCategories.Unreadable e) {
            throw new UnprocessableEntityException(e.about(type));
        }
        return new ResourceWrite(patientKey, type, id, null, writerFacility, category, stored,
                indexer.index(resource, kind), held);
    }

    /** Every category of FHIR content uploaded as a Binary ({@link ContentCategories#ofContent}). */
    Set<DataCategory> contentCategories(byte[] content, String contentType) {
        return indexer.contents().ofContent(content, contentType, this::categoriesOf);
    }

    /** Every category of a stored resource an attachment names (none when there is no such resource). */
    private Set<DataCategory> categoriesOf(String type, String id) {
        return store.find(type, id).map(StoredResource::categories).orElse(Set.of());
    }

    /** The path of the reference to the patient a resource of this type is about, if it has one. */
    Optional<String> patientPath(IBaseResource resource) {
        return ResourceKind.of(resource.fhirType()).map(ResourceKind::patientPath);
    }

    /**
     * The writer's source patient the resource is about, from its subject/patient reference: a
     * literal reference, a conditional one ({@code Patient?identifier=}) or a logical one (an
     * identifier only). No reference where R4 allows none: the resource stays unattached (key 0).
     * {@code resolved} remembers each reference's answer across the writes of one Bundle.
     */
    private long patientKey(Resource resource, ResourceKind kind, long writerFacility,
                            java.util.Map<String, Optional<Long>> resolved) {
        Reference reference = context.newTerser().getValues(resource, kind.patientPath(), Reference.class).stream()
                .findFirst().orElse(null);
        boolean empty = reference == null || (!reference.hasReference() && !reference.hasIdentifier());
        if (empty && !kind.patientRequired()) {
            return 0;
        }
        if (empty) {
            throw new UnprocessableEntityException(type(resource) + "." + kind.patientPath() + " がありません / "
                    + type(resource) + "." + kind.patientPath() + " is required");
        }
        String ref = reference.hasReference() ? reference.getReference()
                : "identifier " + reference.getIdentifier().getSystem() + "|" + reference.getIdentifier().getValue();
        return resolved.computeIfAbsent(ref, r -> resolve(reference, writerFacility)).orElseThrow(
                () -> new UnprocessableEntityException(type(resource) + "." + kind.patientPath()
                        + " は自施設の患者を参照してください（" + ref + "） / " + type(resource) + "." + kind.patientPath()
                        + " must reference a patient of the writing facility (" + ref + ")"));
    }

    private Optional<Long> resolve(Reference reference, long writerFacility) {
        if (!reference.hasReference()) {
            return byIdentifier(reference.getIdentifier().getSystem(), reference.getIdentifier().getValue(), writerFacility);
        }
        String ref = reference.getReference();
        if (ref.startsWith("Patient?identifier=")) {
            return conditional(ref.substring("Patient?identifier=".length()), writerFacility);
        }
        if (ref.matches("Patient/\\d{1,18}")) {
            long personId = Long.parseLong(ref.substring(8));
            return identities.sourcePatientsOf(personId).stream().filter(s -> s.facilityId() == writerFacility)
                    .map(SourcePatient::id).findFirst();
        }
        if (ref.matches("Patient/[A-Za-z0-9\\-.]{1,64}")) {
            return store.find("Patient", ref.substring(8)).filter(p -> p.sourceFacilityId() == writerFacility)
                    .map(StoredResource::patientKey);
        }
        return Optional.empty();
    }

    /** The writer's patient with this identifier: its own patient ID, or any identifier of a Patient it sent. */
    private Optional<Long> byIdentifier(String system, String value, long writerFacility) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Long> own = (IdentifierSystems.JP_HOSPITAL_PATIENT_ID.equals(system)
                ? Optional.of(writerFacility) : systems.facilityOf(system).filter(f -> f.id() == writerFacility).map(Facility::id))
                .flatMap(f -> identities.sourcePatient(f, value)).map(SourcePatient::id);
        return own.isPresent() ? own
                : store.findByIdentifier("Patient", writerFacility, system, value).map(StoredResource::patientKey);
    }

    private Optional<Long> conditional(String token, long writerFacility) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        String system = java.net.URLDecoder.decode(token.substring(0, bar), java.nio.charset.StandardCharsets.UTF_8);
        String value = java.net.URLDecoder.decode(token.substring(bar + 1), java.nio.charset.StandardCharsets.UTF_8);
        return byIdentifier(system, value, writerFacility);
    }

    /** The source patient key of a Patient this store holds. */
    long patientKeyOf(String patientId) {
        return store.find("Patient", patientId).map(StoredResource::patientKey).orElseThrow();
    }

    Facility facility(long id) {
        return facilities.find(id).orElseThrow();
    }

    private static String type(Resource resource) {
        return resource.fhirType();
    }

    FhirContext context() {
        return context;
    }

    IParser parser() {
        return context.newJsonParser();
    }
}
