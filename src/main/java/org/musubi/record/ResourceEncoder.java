package org.musubi.record;

import ca.uhn.fhir.context.FhirContext;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.record.fhir.ResourceKind;

/**
 * The one maker of {@link ResourceWrite}s outside the record module: a FHIR resource encoded as the store keeps it,
 * with its policy category, the categories a container holds besides its own and its search index ({@link
 * FhirIndexer}), placed under its source patient. The FHIR API, the health notebook and the import make their writes
 * here and hand them to a door ({@code WriteRecords}, {@code imports.ImportRecords}); no other class builds one
 * ({@code RecordDoorRulesTest}).
 */
public final class ResourceEncoder {

    private final FhirContext context;
    private final FhirIndexer indexer;

    public ResourceEncoder(FhirContext context, FhirIndexer indexer) {
        this.context = context;
        this.indexer = indexer;
    }

    /**
     * A resource encoded, categorised and indexed but not yet placed under a patient: what an import prepares on the
     * threads that read its files, before it knows who the patient is.
     */
    public record Encoded(String type, DataCategory category, String json, SearchIndex index, Set<DataCategory> held) {

        public Encoded {
            Objects.requireNonNull(type, "type");
            held = Set.copyOf(held);
        }

        /** The same resource with other JSON (an import's placeholders resolved). */
        public Encoded withJson(String newJson) {
            return new Encoded(type, category, newJson, index, held);
        }

        /**
         * The write of this resource under source patient {@code patientKey} (0: about no patient) of facility {@code
         * sourceFacilityId}, with {@code id} and/or {@code sourceKey} ({@link ResourceWrite}).
         */
        public ResourceWrite under(long patientKey, String id, String sourceKey, long sourceFacilityId) {
            return new ResourceWrite(patientKey, type, id, sourceKey, sourceFacilityId, category, json, index, held);
        }
    }

    /**
     * A resource an import mapped, of kind {@code kind}, with the JSON the import's own writer made of it: an import's
     * resource holds nothing besides itself, but for the JP-CLINS flags it carries ({@link ContentCategories#flagsOf}).
     */
    public Encoded imported(IBaseResource resource, ResourceKind kind, String json) {
        return new Encoded(resource.fhirType(), indexer.category(resource, kind), json, indexer.index(resource, kind),
                indexer.contents().flagsOf(json));
    }

    /**
     * A resource a facility sends (the FHIR API), of a stored kind: {@code json} is its stored JSON when the caller has
     * it already (made from the request's own text), else it is encoded here, without its id, version and last
     * update; what a container holds is told by the stored resources it attaches ({@code stored}).
     *
     * @throws ContentCategories.Unreadable when it carries FHIR content that cannot be read
     */
    public Encoded incoming(Resource resource, String json, ContentCategories.Stored stored) {
        ResourceKind kind = ResourceKind.of(resource.fhirType()).orElseThrow();
        String encoded = json;
        if (encoded == null) {
            resource.setIdElement(null);
            resource.getMeta().setVersionIdElement(null).setLastUpdatedElement(null);
            encoded = context.newJsonParser().encodeResourceToString(resource);
        }
        return encoded(resource, kind, encoded, stored);
    }

    /**
     * A resource the health notebook enters under a resident's source patient {@code patientKey} at the notebook's
     * facility, {@code id} also its source key: encoded with the versions in {@code Provenance.target} kept (a
     * Provenance names the version it is about).
     */
    public ResourceWrite entered(Resource resource, String id, long patientKey, long facilityId) {
        ResourceKind kind = ResourceKind.of(resource.fhirType()).orElseThrow();
        String json = context.newJsonParser().setDontStripVersionsFromReferencesAtPaths("Provenance.target")
                .encodeResourceToString(resource);
        return encoded(resource, kind, json, (type, attached) -> Set.of()).under(patientKey, id, id, facilityId);
    }

    /**
     * Every category of FHIR content given as bytes (a Binary's upload): its own and what it holds ({@link
     * ContentCategories#ofContent}).
     *
     * @throws ContentCategories.Unreadable when the content is not a FHIR resource in the format its content type names
     */
    public Set<DataCategory> ofContent(byte[] content, String contentType, ContentCategories.Stored stored) {
        return indexer.contents().ofContent(content, contentType, stored);
    }

    private Encoded encoded(IBaseResource resource, ResourceKind kind, String json, ContentCategories.Stored stored) {
        String type = resource.fhirType();
        DataCategory category = indexer.category(resource, kind);
        Set<DataCategory> held = indexer.contents().held(type, json, category, stored);
        return new Encoded(type, category, json, indexer.index(resource, kind), held);
    }
}
