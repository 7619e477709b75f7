package org.musubi.fhirapi.binary;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobProperties;
import org.musubi.blob.BlobStore;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.incoming.RequestBodyDoor;
import org.musubi.fhirapi.mhd.MhdBinaries;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Interaction;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.text.StrictText;
import org.musubi.text.Undecodable;
import org.springframework.stereotype.Component;

/**
 * Binary content: the bytes go to the blob store, the Binary resource (MIME type, patient, and the
 * blob's hash and size as extensions instead of inline data) to the record store, so reads pass the
 * access policy and the audit trail like any resource. FHIR content (a document Bundle uploaded as
 * {@code application/fhir+json} …) is read first, at most {@code musubi.fhir.max-request-size} of it like any
 * FHIR body, so that the Binary carries every category it holds; content that cannot be read is refused.
 */
@Component
public class Binaries {

    private final BlobStore blobs;
    private final RecordProviderParts parts;
    private final long maxBytes;
    private final int maxFhirBytes;
    private final MhdBinaries mhd;

    Binaries(BlobStore blobs, RecordProviderParts parts, BlobProperties properties, FhirApiProperties fhir,
             MhdBinaries mhd) {
        this.blobs = blobs;
        this.mhd = mhd;
        this.parts = parts;
        this.maxBytes = properties.maxSize().toBytes();
        this.maxFhirBytes = (int) Math.min(fhir.maxRequestSize().toBytes(), maxBytes);
    }

    record Outcome(int status, String message, String id, int version) {
    }

    record Opened(int status, String message, String contentType, Blob blob, InputStream content) {
    }

    Outcome store(String contentType, String securityContext, InputStream body) throws IOException {
        try {
            Caller caller = Caller.current();
            caller.scoped(ScopeTable.BINARY_CREATE, parts.audit());
            if (contentType == null || contentType.isBlank()) {
                return new Outcome(400, "Content-Type がありません / Content-Type is required", null, 0);
            }
            Set<DataCategory> held = Set.of();
            Blob blob;
            if (ContentCategories.fhir(contentType)) {
                byte[] content = body.readNBytes(maxFhirBytes + 1);
                if (content.length > maxFhirBytes) {
                    throw new BlobStore.TooLarge(maxFhirBytes);
                }
                String unreadable = undecodable(content, contentType);
                if (unreadable != null) {
                    return new Outcome(400, unreadable, null, 0);
                }
                held = heldBy(content, contentType);
                blob = blobs.put(new ByteArrayInputStream(content), maxBytes);
            } else {
                blob = blobs.put(body, maxBytes);
            }
            Binary binary = new Binary().setContentType(contentType.strip());
            if (securityContext != null && !securityContext.isBlank()) {
                binary.setSecurityContext(new Reference(securityContext.strip()));
            }
            binary.getMeta().addExtension(FhirSystems.BLOB_SHA256, new StringType(blob.sha256()));
            binary.getMeta().addExtension(FhirSystems.BLOB_SIZE, new StringType(String.valueOf(blob.size())));
            Written written = parts.write(caller, binary, null, held);
            return new Outcome(201, null, written.id(), written.version());
        } catch (BaseServerResponseException e) {
            return new Outcome(e.getStatusCode(), e.getMessage(), null, 0);
        }
    }

    /**
     * Why FHIR content is no text in the charset its type declares (UTF-8 when none), naming where; null when it is.
     * Its bytes are kept as sent, and every reader of them reads text: what they cannot read is refused here.
     */
    private static String undecodable(byte[] content, String contentType) {
        try {
            StrictText.check(content, 0, content.length, RequestBodyDoor.charset(contentType));
            return null;
        } catch (Undecodable e) {
            return "内容の " + e.line() + " 行目 " + e.column() + " 文字目（先頭から " + e.offset() + " バイトの位置）のバイト "
                    + e.bytes() + " は " + e.charset() + " の文字として読めません / The content: the bytes " + e.bytes()
                    + " at line " + e.line() + ", column " + e.column() + " (byte offset " + e.offset() + ") are not valid "
                    + e.charset();
        }
    }

    /** Every category of the uploaded FHIR content; unreadable content is refused (422, audited). */
    private Set<DataCategory> heldBy(byte[] content, String contentType) {
        try {
            return parts.resources().contentCategories(content, contentType);
        } catch (ContentCategories.Unreadable e) {
            parts.writes().refused("Binary", null, "record.invalid 422");
            throw new UnprocessableEntityException(e.about("Binary"));
        }
    }

    Opened open(String id) throws IOException {
        try {
            Caller caller = Caller.current();
            caller.scoped(ScopeTable.BINARY_READ, parts.audit());
            if (MhdBinaries.serves(id)) {
                return mhd(caller, id);
            }
            Interaction<StoredResource> read = parts.reads().read(caller.reader(), "Binary", id, null);
            StoredResource stored = parts.outcome(read, new IdType("Binary", id));
            Binary binary = (Binary) parts.resources().toResource(stored);
            String hash = binary.getMeta().getExtensionString(FhirSystems.BLOB_SHA256);
            Optional<InputStream> content = stored.deleted() ? Optional.empty() : blobs.open(hash);
            if (content.isEmpty()) {
                return new Opened(404, "Binary/" + id + " の内容がありません / no content for Binary/" + id, null, null, null);
            }
            return new Opened(200, null, binary.getContentType(),
                    new Blob(hash, hash, Long.parseLong(binary.getMeta().getExtensionString(FhirSystems.BLOB_SIZE))), content.get());
        } catch (BaseServerResponseException e) {
            return new Opened(e.getStatusCode(), e.getMessage(), null, null, null);
        }
    }

    /**
     * A letter's document, signature or PDF, or a Box file (MHD ITI-68); what the caller may not see is the one 404 of
     * an absent Binary.
     */
    private Opened mhd(Caller caller, String id) {
        MhdBinaries.Content content = mhd.open(caller, id).orElseThrow(() -> Refusals.notFound(new IdType("Binary", id)));
        return new Opened(200, null, content.contentType(), new Blob(content.sha256(), content.sha256(), content.size()),
                content.content());
    }
}
