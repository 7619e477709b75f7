package org.musubi.ingest.adapter;

import java.util.Objects;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.FhirJsonWriter;
import org.musubi.record.fhir.ResourceKind;

/**
 * A directory resource a source record names (a pharmacy, a pharmacist, a prescribing institution or
 * doctor: Organization, Practitioner, PractitionerRole), stored once per importing facility and referred to by every
 * record of every patient of that facility that names it with the same content. Its id is made from the facility and
 * its content ({@link ImportIds#directory}: the HMAC of its JSON under the installation's id key, as a UUID), so the
 * same pharmacy sent a million times is one resource, a pharmacy whose name or address changed is a second one, each
 * dispensing keeps exactly what its source said, and no facility can tell, and take first, another's id.
 *
 * <p>An import stores one when no resource has its id yet and never changes it afterwards; the records
 * that name it refer to it as {@code Type/id} ({@link #reference()}), with no placeholder to resolve (unless another
 * facility's resource has the id: then the import stores it under the facility's own id and rewrites the references).
 *
 * @param json the resource as stored (no id: the store adds it), from which the id was made
 */
public record DirectoryResource(String id, Resource resource, String json) {

    private static final FhirJsonWriter WRITER = new FhirJsonWriter(MappedEncoding.CONTEXT);

    public DirectoryResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(json, "json");
    }

    /** {@code resource} (which must have no id) with the id its content gives for the facility of {@code ids}. */
    public static DirectoryResource of(Resource resource, ImportIds ids) {
        if (resource.hasIdElement() && !resource.getIdElement().isEmpty()) {
            throw new IllegalArgumentException("a directory resource gets its id from its content");
        }
        if (ResourceKind.of(resource.fhirType()).filter(ResourceKind::directory).isEmpty()) {
            throw new IllegalArgumentException(resource.fhirType() + " is not a directory resource");
        }
        String json = WRITER.write(resource);
        return new DirectoryResource(ids.directory(json), resource, json);
    }

    public String type() {
        return resource.fhirType();
    }

    /** {@code Type/id}. */
    public String ref() {
        return type() + "/" + id;
    }

    /** A new reference to this resource (callers add a display or an identifier as they see fit). */
    public Reference reference() {
        return new Reference(ref());
    }
}
