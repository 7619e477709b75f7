package org.musubi.box;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.identity.SourcePatient;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.write.Entry;

/**
 * A Box file made a document of its patient's record, when its sender asks: its bytes copied into the record's
 * content-addressed store (at most {@code musubi.blob.max-size}, the record's documents' limit), a Binary naming them
 * and a DocumentReference (the file's name, type, size, message), with their Provenance, entered under the sender's
 * facility's own source patient — which only a facility with standing for the person has.
 */
final class BoxRecords {

    private final BlobStore blobs;
    private final ResourceEncoder encoder;
    private final long maxBytes;
    private final Clock clock;

    BoxRecords(BlobStore blobs, ResourceEncoder encoder, long maxBytes, Clock clock) {
        this.blobs = blobs;
        this.encoder = encoder;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The largest file that may be attached to a record. */
    long maxBytes() {
        return maxBytes;
    }

    /**
     * Enters the file's content into the record of {@code entry}, under {@code own}, the sender's source patient;
     * returns the DocumentReference's id.
     *
     * @throws BlobStore.TooLarge beyond the record's limit
     */
    String attach(Entry entry, SourcePatient own, BoxFile file, String senderName, InputStream content)
            throws IOException {
        Blob blob;
        try (InputStream in = content) {
            blob = blobs.put(in, maxBytes);
        }
        String binaryId = UUID.randomUUID().toString();
        String documentId = UUID.randomUUID().toString();
        Binary binary = new Binary().setContentType(file.contentType());
        binary.getMeta().addExtension(FhirSystems.BLOB_SHA256, new StringType(blob.sha256()));
        binary.getMeta().addExtension(FhirSystems.BLOB_SIZE, new StringType(String.valueOf(blob.size())));
        DocumentReference document = new DocumentReference();
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(new CodeableConcept().setText(file.name()));
        document.setDate(Date.from(file.uploadedAt()));
        document.setDescription(file.message());
        document.addAuthor(new Reference().setDisplay(senderName));
        document.addContent().getAttachment().setContentType(file.contentType()).setTitle(file.name())
                .setUrl("Binary/" + binaryId).setSize((int) Math.min(Integer.MAX_VALUE, blob.size()))
                .setCreationElement(new DateTimeType(Date.from(file.uploadedAt())));
        long facility = own.facilityId();
        entry.store(List.of(encoder.entered(binary, binaryId, own.id(), facility),
                        encoder.entered(document, documentId, own.id(), facility)),
                written -> provenance(written, senderName, own.id(), facility, file.id()));
        return documentId;
    }

    private ResourceWrite provenance(List<Written> written, String senderName, long patientKey, long facility, UUID file) {
        Provenance provenance = new Provenance();
        written.forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference().setDisplay(senderName));
        String id = UUID.nameUUIDFromBytes(("box-provenance\u001f" + file).getBytes(StandardCharsets.UTF_8)).toString();
        return encoder.entered(provenance, id, patientKey, facility);
    }
}
