package org.musubi.ingest.adapter;

import java.util.Objects;
import org.hl7.fhir.r4.model.Resource;

/**
 * One FHIR resource mapped from a source record, with its source key: stable for the same thing sent
 * again (an order's drug, a lab result's analyte), unique among the facility's resources of this
 * type for this patient. The resource has no id; it refers to the patient and to other mapped
 * resources with {@link SourceRefs} placeholders, which the pipeline turns into stored ids.
 */
public record MappedResource(String sourceKey, Resource resource) {

    public MappedResource {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(resource, "resource");
    }

    public String type() {
        return resource.fhirType();
    }
}
