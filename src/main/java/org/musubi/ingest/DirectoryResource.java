package org.musubi.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.FhirJsonWriter;
import org.musubi.record.fhir.ResourceKind;

/**
 * A directory resource a source record names (a pharmacy, a pharmacist, a prescribing institution or
 * doctor: Organization, Practitioner, PractitionerRole), stored once and referred to by every record of
 * every patient that names it with the same content. Its id is made from its content (the SHA-256 of its
 * JSON, as a UUID), so the same pharmacy sent a million times is one resource, a pharmacy whose name or
 * address changed is a second one, and each dispensing keeps exactly what its source said.
 *
 * <p>An import stores one when no resource has its id yet and never changes it afterwards; the records
 * that name it refer to it as {@code Type/id} ({@link #reference()}), with no placeholder to resolve.
 *
 * @param json the resource as stored (no id: the store adds it), from which the id was made
 */
public record DirectoryResource(String id, Resource resource, String json) {

    private static final FhirJsonWriter WRITER = new FhirJsonWriter(Preparation.ENCODING);

    public DirectoryResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(json, "json");
    }

    /** {@code resource} (which must have no id) with the id its content gives. */
    public static DirectoryResource of(Resource resource) {
        if (resource.hasIdElement() && !resource.getIdElement().isEmpty()) {
            throw new IllegalArgumentException("a directory resource gets its id from its content");
        }
        if (ResourceKind.of(resource.fhirType()).filter(ResourceKind::directory).isEmpty()) {
            throw new IllegalArgumentException(resource.fhirType() + " is not a directory resource");
        }
        String json = WRITER.write(resource);
        return new DirectoryResource(idOf(json), resource, json);
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

    /** A UUID (version 8, RFC 9562's custom layout) from the first 128 bits of the JSON's SHA-256. */
    static String idOf(String json) {
        try {
            ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
            long high = hash.getLong() & ~0xF000L | 0x8000L;
            long low = hash.getLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
            return new UUID(high, low).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
