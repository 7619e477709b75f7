package org.musubi.carenet.municipal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.audit.AuditAction;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.write.Entry;

/**
 * What an author writes here entered into the person's record through the one write door ({@link WriteRecords#enter},
 * gate {@link PersonView#actAsHolder}: only a facility with standing for the person, under its own source patient): a
 * filled form as a QuestionnaireResponse, or an uploaded signed PDF as a Binary (its bytes in the blob store) and a
 * DocumentReference, with their Provenance. {@code row} then keeps this part's row in the same transaction, under the
 * same one audit row.
 */
final class RecordEntries {

    /** The largest signed PDF taken (bytes). */
    static final long MAX_PDF = 20L * 1024 * 1024;

    private final WriteRecords writes;
    private final org.musubi.record.ResourceEncoder encoder;
    private final BlobStore blobs;
    private final Clock clock;

    RecordEntries(WriteRecords writes, org.musubi.record.ResourceEncoder encoder, BlobStore blobs, Clock clock) {
        this.writes = writes;
        this.encoder = encoder;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** What an entry did: the reference of what it entered, or the fault that kept it out (nothing stored then). */
    record Entered(String recordRef, String fault) {
    }

    /** A filled form entered as the author's; {@code row} (given the record's reference) keeps the row. */
    Interaction<Entered> response(Reader author, long personId, UUID document, QuestionnaireResponse response,
                                  String authorName, BiConsumer<String, SourcePatient> row) {
        return enter(author, personId, "QuestionnaireResponse", document, authorName, row, own -> {
            String id = id("municipal-response", document);
            QuestionnaireResponse entered = response.copy();
            entered.setAuthored(Date.from(clock.instant()));
            entered.setAuthor(new Reference().setDisplay(authorName));
            entered.setSubject(new Reference().setDisplay(own.nameKanji()));
            return new Made(List.of(encoder.entered(entered, id, own.id(), own.facilityId())),
                    "QuestionnaireResponse/" + id);
        });
    }

    /** An uploaded PDF ({@code blob}, kept already) entered as a document of the record. */
    Interaction<Entered> pdf(Reader author, long personId, UUID document, Blob blob, String title, String authorName,
                             BiConsumer<String, SourcePatient> row) {
        return enter(author, personId, "DocumentReference", document, authorName, row, own -> {
            String binaryId = id("municipal-binary", document);
            String documentId = id("municipal-pdf", document);
            Binary binary = new Binary().setContentType("application/pdf");
            binary.getMeta().addExtension(FhirSystems.BLOB_SHA256, new StringType(blob.sha256()));
            binary.getMeta().addExtension(FhirSystems.BLOB_SIZE, new StringType(String.valueOf(blob.size())));
            DocumentReference reference = new DocumentReference();
            reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
            reference.setType(new CodeableConcept().setText(title));
            reference.setDate(Date.from(clock.instant()));
            reference.addAuthor(new Reference().setDisplay(authorName));
            reference.addContent().getAttachment().setContentType("application/pdf").setTitle(title)
                    .setUrl("Binary/" + binaryId).setSize((int) Math.min(Integer.MAX_VALUE, blob.size()));
            return new Made(List.of(encoder.entered(binary, binaryId, own.id(), own.facilityId()),
                    encoder.entered(reference, documentId, own.id(), own.facilityId())), "DocumentReference/" + documentId);
        });
    }

    /** What an entry stores, and the reference the row keeps. */
    private record Made(List<ResourceWrite> writes, String ref) {
    }

    /** One entry under the author's facility's own patient, with its Provenance; the row kept in the same one. */
    private Interaction<Entered> enter(Reader author, long personId, String auditedAs, UUID document, String authorName,
                                       BiConsumer<String, SourcePatient> row, Function<SourcePatient, Made> make) {
        return writes.enter(author, personId, AuditAction.CREATE, auditedAs, PersonView::actAsHolder, entry -> {
            SourcePatient own = own(entry, author);
            if (own == null) {
                return new Entered(null, MunicipalDocuments.NOT_OUR_PATIENT);
            }
            Made made = make.apply(own);
            entry.store(made.writes(), written -> provenance(written, authorName, own, document));
            row.accept(made.ref(), own);
            entry.wrote(List.of("MunicipalDocument/" + document));
            return new Entered(made.ref(), null);
        });
    }

    private static String id(String role, UUID document) {
        return UUID.nameUUIDFromBytes((role + "\u001f" + document).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Keeps an uploaded file's bytes (at most {@link #MAX_PDF}). */
    Blob keep(InputStream content) throws IOException {
        try (InputStream in = content) {
            return blobs.put(in, MAX_PDF);
        }
    }

    /** The bytes of a kept file. */
    byte[] bytes(String key) throws IOException {
        try (InputStream in = blobs.open(key).orElseThrow(() -> new IOException("no blob " + key))) {
            return in.readAllBytes();
        }
    }

    private static SourcePatient own(Entry entry, Reader author) {
        return entry.view().sources().stream().filter(s -> author.facilityId() != null
                && s.facilityId() == author.facilityId()).findFirst().orElse(null);
    }

    private ResourceWrite provenance(List<Written> written, String authorName, SourcePatient own, UUID document) {
        Provenance provenance = new Provenance();
        List<String> targets = new ArrayList<>();
        written.forEach(w -> targets.add(w.type() + "/" + w.id() + "/_history/" + w.version()));
        targets.forEach(t -> provenance.addTarget(new Reference(t)));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference().setDisplay(authorName));
        String id = id("municipal-provenance", document);
        return encoder.entered((Resource) provenance, id, own.id(), own.facilityId());
    }
}
