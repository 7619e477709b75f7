package org.musubi.consult;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.FhirSystems;

/**
 * The FHIR of a consultation: the header Communication (the question; {@code in-progress}, {@code completed} once
 * closed), the messages ({@code partOf} the header), attachments as Binary naming their bytes in the blob store, each
 * categorised {@link FhirSystems#CASE_CONSULTATION} and tagged JP-CLINS 未告知 (UNINFORMED: a conversation between
 * doctors is not shown to the patient's side), and what a page shows of them.
 */
public final class ConsultResources {

    private static final String UNINFORMED = "UNINFORMED";
    private final FhirContext context;
    private final ResourceEncoder encoder;
    private final BlobStore blobs;
    private final long maxBytes;

    public ConsultResources(FhirContext context, ResourceEncoder encoder, BlobStore blobs, long maxBytes) {
        this.context = context;
        this.encoder = encoder;
        this.blobs = blobs;
        this.maxBytes = maxBytes;
    }

    /** What a new message is: its text, the items it refers to, its files. */
    record Draft(String text, List<StoredResource> references, List<Upload> uploads) {
    }

    /**
     * The writes of a new message (the header when {@code headerId} is null) under source patient {@code patientKey}
     * of {@code facility}: its attachments' Binaries first, then the Communication {@code id}; the bytes are put into
     * the blob store first.
     */
    List<ResourceWrite> message(String id, String headerId, String subject, Draft draft, String sender,
                                String recipient, Instant now, long patientKey, long facility) {
        List<ResourceWrite> writes = new ArrayList<>();
        Communication communication = new Communication();
        tag(communication);
        communication.setStatus(headerId == null ? Communication.CommunicationStatus.INPROGRESS
                : Communication.CommunicationStatus.COMPLETED);
        communication.addCategory(new CodeableConcept(new Coding(FhirSystems.COMMUNICATION_CATEGORY,
                FhirSystems.CASE_CONSULTATION, "症例相談")));
        if (headerId == null) {
            communication.setTopic(new CodeableConcept().setText(subject));
            communication.addRecipient(new Reference().setDisplay(recipient));
        } else {
            communication.addPartOf(new Reference("Communication/" + headerId));
        }
        communication.setSentElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(now)));
        communication.setSender(new Reference().setDisplay(sender));
        communication.addPayload().setContent(new StringType(draft.text()));
        for (StoredResource item : draft.references()) {
            communication.addPayload().setContent(new Reference(item.type() + "/" + item.id()));
        }
        for (Upload upload : draft.uploads()) {
            Blob blob = put(upload);
            String binaryId = UUID.randomUUID().toString();
            Binary binary = new Binary().setContentType(upload.contentType());
            tag(binary);
            binary.getMeta().addExtension(FhirSystems.BLOB_SHA256, new StringType(blob.sha256()));
            binary.getMeta().addExtension(FhirSystems.BLOB_SIZE, new StringType(String.valueOf(blob.size())));
            writes.add(encoder.entered(binary, binaryId, patientKey, facility));
            communication.addPayload().setContent(new Attachment().setUrl("Binary/" + binaryId)
                    .setTitle(upload.name()).setContentType(upload.contentType())
                    .setSize((int) Math.min(Integer.MAX_VALUE, blob.size())));
        }
        writes.add(encoder.entered(communication, id, patientKey, facility));
        return writes;
    }

    /** The header as stored, closed: a new version with status {@code completed}. */
    ResourceWrite closed(StoredResource header) {
        Communication communication = parse(header);
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.setId((String) null);
        communication.setMeta(new org.hl7.fhir.r4.model.Meta());
        tag(communication);
        return encoder.entered(communication, header.id(), header.patientKey(), header.sourceFacilityId());
    }

    /** The Provenance of what the asker wrote. */
    ResourceWrite provenance(List<Written> written, String author, Instant now, long patientKey, long facility) {
        Provenance provenance = new Provenance();
        written.forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(now)));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference().setDisplay(author));
        return encoder.entered(provenance, UUID.randomUUID().toString(), patientKey, facility);
    }

    /** A stored message as a page shows it. */
    ConsultMessage shown(StoredResource stored) {
        Communication communication = parse(stored);
        String text = null;
        List<ConsultMessage.Attachment> attachments = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (Communication.CommunicationPayloadComponent payload : communication.getPayload()) {
            if (payload.getContent() instanceof StringType s && text == null) {
                text = s.getValue();
            } else if (payload.getContent() instanceof Reference r) {
                references.add(r.getReference());
            } else if (payload.getContent() instanceof Attachment a && a.getUrl() != null
                    && a.getUrl().startsWith("Binary/")) {
                attachments.add(new ConsultMessage.Attachment(a.getUrl().substring("Binary/".length()), a.getTitle(),
                        a.getContentType(), a.getSize()));
            }
        }
        return new ConsultMessage(stored.id(), communication.getPartOf().isEmpty(),
                communication.getSender().getDisplay(),
                communication.hasSent() ? communication.getSent().toInstant() : null, text == null ? "" : text,
                attachments, references);
    }

    /** The bytes of an attachment's Binary, when the blob store has them. */
    java.util.Optional<byte[]> bytes(StoredResource binary) {
        Binary parsed = (Binary) context.newJsonParser().parseResource(binary.json());
        String sha = parsed.getMeta().getExtensionString(FhirSystems.BLOB_SHA256);
        if (sha == null || !BlobStore.isKey(sha)) {
            return java.util.Optional.empty();
        }
        try {
            java.util.Optional<java.io.InputStream> in = blobs.open(sha);
            if (in.isEmpty()) {
                return java.util.Optional.empty();
            }
            try (java.io.InputStream stream = in.get()) {
                return java.util.Optional.of(stream.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An attachment's content type as stored. */
    String contentType(StoredResource binary) {
        return ((Binary) context.newJsonParser().parseResource(binary.json())).getContentType();
    }

    private Blob put(Upload upload) {
        try {
            return blobs.put(new ByteArrayInputStream(upload.bytes()), maxBytes);
        } catch (BlobStore.TooLarge e) {
            throw new ConsultFault(ConsultFault.TOO_LARGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Communication parse(StoredResource stored) {
        return context.newJsonParser().parseResource(Communication.class, stored.json());
    }

    private static void tag(Resource resource) {
        resource.getMeta().addTag(ContentCategories.INDICATION, UNINFORMED, "未告知");
    }
}
