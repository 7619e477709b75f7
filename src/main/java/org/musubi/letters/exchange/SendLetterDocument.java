package org.musubi.letters.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.musubi.audit.AuditAction;
import org.musubi.blob.Blob;
import org.musubi.identity.SourcePatient;
import org.musubi.letters.Addressee;
import org.musubi.letters.Author;
import org.musubi.letters.Facility;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.jdbc.LetterTable;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.record.WriteRecords;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/** A system sends a FHIR document as a letter (MHD ITI-65), signed or not, to another facility. */
public final class SendLetterDocument {

    private final WriteRecords writes;
    private final LetterTable table;
    private final LetterParties parties;
    private final LetterFiles files;
    private final LetterResources resources;

    public SendLetterDocument(WriteRecords writes, LetterTable table, LetterParties parties, LetterFiles files,
                              LetterResources resources) {
        this.writes = writes;
        this.table = table;
        this.parties = parties;
        this.files = files;
        this.resources = resources;
    }

    /**
     * A FHIR document Bundle an EHR sends as a letter (MHD ITI-65): stored under the writer's facility's own patient
     * (the Patient resource {@code patientResourceId} it wrote earlier, linked to a person with standing), with a Task
     * to {@code addresseeFacilityId}. No PDF is rendered (the document is the letter; the viewer shows its sections);
     * {@code signature}, when given, is a detached CMS signature over exactly {@code bundleJson}. {@link #check}, then
     * {@link #store}.
     */
    public LetterExchange.Sent sendDocument(Reader writer, String patientResourceId, byte[] bundleJson,
                                            byte[] signature, long addresseeFacilityId, LocalDate due) {
        return store(check(writer, patientResourceId, bundleJson, signature, addresseeFacilityId, due));
    }

    /** A document checked before the transaction that stores it: ready (its file kept), or not sent and why. */
    public sealed interface Checked {
    }

    /** Not sent: {@link LetterExchange.Sent.Invalid} or {@link LetterExchange.Sent.Refused}. */
    public record NotSent(LetterExchange.Sent why) implements Checked {
    }

    /** Checked and its file kept: what {@link #store} stores, in the caller's transaction if it has one. */
    public static final class Ready implements Checked {

        private final Reader writer;
        private final long person;
        private final long patientKey;
        private final Addressee addressee;
        private final long addresseeFacilityId;
        private final Bundle document;
        private final byte[] signature;
        private final String authorName;
        private final LetterKind kind;
        private final Blob documentBlob;
        private final LocalDate due;

        private Ready(Reader writer, long person, long patientKey, Addressee addressee, long addresseeFacilityId,
                      Bundle document, byte[] signature, String authorName, LetterKind kind, Blob documentBlob,
                      LocalDate due) {
            this.writer = writer;
            this.person = person;
            this.patientKey = patientKey;
            this.addressee = addressee;
            this.addresseeFacilityId = addresseeFacilityId;
            this.document = document;
            this.signature = signature;
            this.authorName = authorName;
            this.kind = kind;
            this.documentBlob = documentBlob;
            this.due = due;
        }
    }

    /**
     * Checks the document {@link #sendDocument} would send — its patient, addressee, form and signature — and keeps its
     * bytes in the blob store: everything that calls out (the signature's verification, the blob store) before any
     * transaction opens; a kept file whose letter is then not stored is swept ({@link LetterFileSweep}).
     */
    public Checked check(Reader writer, String patientResourceId, byte[] bundleJson, byte[] signature,
                         long addresseeFacilityId, LocalDate due) {
        if (writer.facilityId() == null) {
            return new NotSent(new LetterExchange.Sent.Refused());
        }
        long facility = writer.facilityId();
        var located = resources.patient(patientResourceId, facility);
        Optional<Long> person = located.flatMap(l -> parties.personOf(l.patientKey()));
        if (person.isEmpty()) {
            return invalid("letter.fault.patient");
        }
        Optional<Addressee> addressee = parties.addressee(addresseeFacilityId, null, null);
        if (addressee.isEmpty() || addresseeFacilityId == facility) {
            return invalid("letter.fault.addressee");
        }
        Bundle document;
        try {
            document = resources.parse(bundleJson);
        } catch (RuntimeException e) {
            return invalid("letter.fault.document");
        }
        if (document.getType() != Bundle.BundleType.DOCUMENT || document.getEntry().isEmpty()
                || !(document.getEntryFirstRep().getResource() instanceof Composition composition)) {
            return invalid("letter.fault.document");
        }
        if (signature != null && files.verifyBundle(Optional.of(bundleJson), signature).status().worseThan(
                org.musubi.signature.SignatureStatus.UNKNOWN_CA)) {
            // Not a CMS signature over exactly these bytes (malformed or not matching): refused, not kept to mislead.
            // A signature by a CA this Musubi does not trust is kept: the recipient sees why it is not valid.
            return invalid("letter.fault.signature");
        }
        String authorName = composition.getAuthor().stream().map(a -> a.getDisplay()).filter(d -> d != null && !d.isBlank())
                .findFirst().orElse(parties.author(writer.userId()).map(Author::name).orElse("—"));
        // the file is kept before the transaction opens (no call to the blob store inside it); swept when unreferenced
        return new Ready(writer, person.get(), located.get().patientKey(), addressee.get(), addresseeFacilityId,
                document, signature, authorName, kind(composition), files.keep(bundleJson), due);
    }

    private static NotSent invalid(String fault) {
        return new NotSent(new LetterExchange.Sent.Invalid(List.of(fault)));
    }

    /**
     * Stores a document {@link #check}ed: one entry through the write door (the Bundle, the Task, the Provenance, the
     * letter's row, its disclosure and its first event, one audit row), with no outside call.
     */
    public LetterExchange.Sent store(Checked checked) {
        if (!(checked instanceof Ready c)) {
            return ((NotSent) checked).why();
        }
        long facility = c.writer.facilityId();
        Interaction<LetterExchange.Sent> sent = writes.enter(c.writer, c.person, AuditAction.CREATE, "Letter",
                view -> view.actAsHolder(), record -> {
                    SourcePatient own = record.view().sources().stream().filter(s -> s.id() == c.patientKey)
                            .findFirst().orElse(null);
                    if (own == null) {
                        return new LetterExchange.Sent.Invalid(List.of("letter.fault.notOurPatient"));
                    }
                    Instant now = resources.now();
                    int year = LocalDate.ofInstant(now, LetterExchange.JAPAN).getYear();
                    int seq = table.nextSeq(facility, year);
                    UUID id = UUID.randomUUID();
                    String documentId = UUID.randomUUID().toString();
                    String taskId = UUID.randomUUID().toString();
                    Bundle stored = resources.tagged(c.document, documentId, c.kind);
                    String senderName = parties.facility(facility).map(Facility::name).orElse("—");
                    LetterResources.TaskState state = new LetterResources.TaskState(taskId, documentId, c.kind, own.id(),
                            facility, senderName, c.authorName, c.addressee.facility().name(),
                            c.addressee.facility().institutionCode(), now, c.due, LetterStatus.REQUESTED, null, null);
                    record.store(List.of(resources.document(stored, own.id(), facility), resources.task(state)),
                            written -> resources.provenance(written, c.authorName, senderName, c.signature, own.id(),
                                    facility, UUID.nameUUIDFromBytes(("provenance\u001f" + id)
                                            .getBytes(StandardCharsets.UTF_8)).toString()));
                    table.insert(new LetterTable.NewLetter(id, c.person, own.id(), facility, c.writer.userId(),
                            c.addresseeFacilityId, null, null, c.kind, year, seq, documentId, taskId, Sending.name(own),
                            Sending.kana(own), own.birthDate(), c.authorName, null, null, c.documentBlob.key(),
                            c.signature, "[]", null, now, c.due));
                    resources.disclose(id, c.person, own.id(), facility, c.addresseeFacilityId, c.kind);
                    table.event(id, LetterStatus.REQUESTED, c.writer.userId(), c.authorName, null, now);
                    return new LetterExchange.Sent.Done(table.find(id).orElseThrow().row());
                });
        return sent.permitted() && sent.value() != null ? sent.value() : new LetterExchange.Sent.Refused();
    }

    private static LetterKind kind(Composition composition) {
        for (var coding : composition.getType().getCoding()) {
            if (FhirSystems.LETTER_TYPE.equals(coding.getSystem())) {
                for (LetterKind k : LetterKind.values()) {
                    if (k.localCode().equals(coding.getCode())) {
                        return k;
                    }
                }
            }
            if (Loinc.REFERRAL_LETTER.equals(coding.getCode())) {
                return LetterKind.REFERRAL;
            }
            if (Loinc.DISCHARGE_SUMMARY.equals(coding.getCode())) {
                return LetterKind.DISCHARGE_SUMMARY;
            }
        }
        return LetterKind.INFORMATION;
    }
}
