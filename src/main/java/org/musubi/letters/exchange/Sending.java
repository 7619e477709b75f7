package org.musubi.letters.exchange;

import org.musubi.letters.exchange.jdbc.LetterTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.musubi.audit.AuditAction;
import org.musubi.blob.Blob;
import org.musubi.identity.SourcePatient;
import org.musubi.letters.Addressee;
import org.musubi.letters.AnsweredLetter;
import org.musubi.letters.Attachment;
import org.musubi.letters.Author;
import org.musubi.letters.Content;
import org.musubi.letters.Demographics;
import org.musubi.letters.Facility;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.clins.ClinsDocuments;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.write.Entry;
import org.musubi.signature.SigningRefused;
import tools.jackson.databind.JsonNode;

/**
 * Sending a letter: one entry into the person's record through the write door, by a facility that may act for the
 * person ({@code actAsHolder}: its patient linked there by card), under that facility's own source patient — the
 * document Bundle, the Task and the Provenance stored, the letter's row inserted, in one transaction with one audit row;
 * the PDF rendered and signed, and the Bundle signed, before that transaction opens ({@link LetterSigning}).
 */
public final class Sending {

    private final WriteRecords writes;
    private final LetterTable table;
    private final LetterParties parties;
    private final LetterFiles files;
    private final LetterResources resources;
    private final LetterSigning signing;

    public Sending(WriteRecords writes, LetterTable table, LetterParties parties, LetterFiles files,
                   LetterResources resources) {
        this.writes = writes;
        this.table = table;
        this.parties = parties;
        this.files = files;
        this.resources = resources;
        this.signing = new LetterSigning(files, resources);
    }

    /** The record's side of a letter, and what a letter let its addressee see. */
    LetterResources resources() {
        return resources;
    }

    /** A letter to send, checked: its addressee and author resolved. */
    private record Checked(LetterRequest request, Author author, Facility sender, Addressee addressee) {
    }

    /** The faults of a request, as message keys ({@code letter.fault.*}); empty when it may be sent. */
    List<String> faults(Reader author, LetterRequest r) {
        List<String> faults = new ArrayList<>();
        if (r == null || r.kind() == null) {
            return List.of("letter.fault.kind");
        }
        if (author.facilityId() == null || r.addresseeFacilityId() == author.facilityId()
                || parties.addressee(r.addresseeFacilityId(), r.department(), r.doctor()).isEmpty()) {
            faults.add("letter.fault.addressee");
        }
        if (r.kind().national() && (r.insuranceMemberId() == null
                || !Demographics.INSURANCE_MEMBER_ID.matcher(r.insuranceMemberId().strip()).matches())) {
            faults.add("letter.fault.insurance");
        }
        Content c = r.content();
        if (r.kind() == LetterKind.REFERRAL && (c == null || c.purpose() == null || c.purpose().isBlank())) {
            faults.add("letter.fault.purpose");
        }
        if (r.kind() == LetterKind.DISCHARGE_SUMMARY && (c == null || c.stay() == null)) {
            faults.add("letter.fault.stay");
        }
        if (r.kind() == LetterKind.HOME_NURSING_ORDER && (c == null || c.details().nursing() == null)) {
            faults.add("letter.fault.nursing");
        }
        if ((r.kind() == LetterKind.REPLY) != (r.repliesTo() != null)) {
            faults.add("letter.fault.repliesTo");
        }
        if (r.due() != null && r.due().isBefore(resources.today())) {
            faults.add("letter.fault.due");
        }
        return faults;
    }

    /** Sends {@code r} (checked by {@link #faults}); {@code answered}: the letter a reply answers. */
    LetterExchange.Sent send(Reader author, long personId, LetterRequest r, LetterTable.Stored answered) {
        Optional<Author> writer = parties.author(author.userId());
        Optional<Facility> sender = parties.facility(author.facilityId());
        if (writer.isEmpty() || sender.isEmpty()) {
            return new LetterExchange.Sent.Refused();
        }
        Checked checked = new Checked(r, writer.get(), sender.get(),
                parties.addressee(r.addresseeFacilityId(), r.department(), r.doctor()).orElseThrow());
        if (r.kind().national() && sender.get().institutionCode() == null) {
            return new LetterExchange.Sent.Invalid(List.of("letter.fault.institutionCode"));
        }
        LetterSigning.Draft draft = LetterSigning.Draft.at(resources.now());
        try {
            LetterSigning.Signed signed = null;
            for (int attempt = 1; ; attempt++) {
                LetterSigning.Signed ready = signed;
                try {
                    Interaction<LetterExchange.Sent> sent = writes.enter(author, personId, AuditAction.CREATE, "Letter",
                            view -> view.actAsHolder(),
                            record -> store(author, personId, checked, answered, record, draft, ready));
                    return sent.permitted() && sent.value() != null ? sent.value() : new LetterExchange.Sent.Refused();
                } catch (LetterSigning.Unsigned unsigned) {
                    if (attempt > LetterSigning.ATTEMPTS) {
                        throw new IllegalStateException("the letter kept changing while it was signed", unsigned);
                    }
                    signed = signing.sign(author.userId(), unsigned, draft);
                }
            }
        } catch (SigningRefused e) {
            return new LetterExchange.Sent.Invalid(List.of(e.reason().messageKey()));
        }
    }

    /**
     * Stores the letter {@code signed} when it is the one read here; else throws {@link LetterSigning.Unsigned} (rolling
     * the attempt back) with the letter to sign.
     */
    private LetterExchange.Sent store(Reader author, long personId, Checked c, LetterTable.Stored answered,
                                      Entry record, LetterSigning.Draft draft,
                                      LetterSigning.Signed signed) {
        long facility = author.facilityId();
        SourcePatient own = parties.own(author, record.view()).orElse(null);
        if (own == null) {
            return new LetterExchange.Sent.Invalid(List.of("letter.fault.notOurPatient"));
        }
        List<String> faults = new ArrayList<>();
        Map<String, byte[]> attachedFiles = new LinkedHashMap<>();
        Content content = attached(author, record, c.request().content(), faults, draft.id(), attachedFiles);
        if (!faults.isEmpty()) {
            return new LetterExchange.Sent.Invalid(faults);
        }
        Instant now = draft.issued();
        int year = LocalDate.ofInstant(now, LetterExchange.JAPAN).getYear();
        int seq = table.nextSeq(facility, year);
        String insurance = c.request().insuranceMemberId() == null ? null : c.request().insuranceMemberId().strip();
        Letter letter;
        try {
            letter = new Letter(c.request().kind(), String.format("%06d", seq), 1, now, c.author(), c.sender(),
                    c.addressee(), demographics(own, insurance), content,
                    answered == null ? null : documentIdentifier(answered), null,
                    answered == null ? null : answered(answered.row()));
        } catch (IllegalArgumentException e) {
            return new LetterExchange.Sent.Invalid(List.of(e.getMessage()));
        }
        if (signed == null || !signed.letter().equals(letter)) {
            throw new LetterSigning.Unsigned(letter, attachedFiles);
        }
        UUID id = draft.id();
        String documentId = draft.documentId();
        String taskId = draft.taskId();
        Bundle document = signed.document();
        byte[] signature = signed.signature();
        Blob pdf = signed.pdf();
        Blob documentBlob = signed.documentBlob();
        LetterResources.TaskState state = new LetterResources.TaskState(taskId, documentId, letter.kind(), own.id(),
                facility, c.sender().name(), c.author().name(), c.addressee().facility().name(),
                c.addressee().facility().institutionCode(), now, c.request().due(), LetterStatus.REQUESTED, null, null);
        record.store(List.of(resources.document(document, own.id(), facility), resources.task(state)),
                written -> resources.provenance(written, c.author().name(), c.sender().name(), signature, own.id(),
                        facility, UUID.nameUUIDFromBytes(("provenance\u001f" + id).getBytes(StandardCharsets.UTF_8))
                                .toString()));
        table.insert(new LetterTable.NewLetter(id, personId, own.id(), facility, author.userId(),
                c.request().addresseeFacilityId(), c.addressee().department(), c.addressee().doctor(), letter.kind(),
                year, seq, documentId, taskId, letter.patient().name(), letter.patient().nameKana(),
                letter.patient().birthDate(), c.author().name(), LetterResources.json(letter), pdf.key(),
                documentBlob.key(), signature, LetterResources.json(content.attachments()),
                answered == null ? null : answered.row().id(), now, c.request().due()));
        resources.disclose(id, personId, own.id(), facility, c.request().addresseeFacilityId(), letter.kind());
        table.event(id, LetterStatus.REQUESTED, author.userId(), c.author().name(), null, now);
        return new LetterExchange.Sent.Done(table.find(id).orElseThrow().row());
    }

    /**
     * The letter a reply answers as its paper form names it: kind, the day it was sent (Japan), its facility and
     * author — never an id.
     */
    static AnsweredLetter answered(LetterRow row) {
        return new AnsweredLetter(row.kind(), LocalDate.ofInstant(row.sentAt(), LetterExchange.JAPAN), row.senderFacility(),
                row.authorName());
    }

    /**
     * The document identifier of the letter a reply answers, as JP-CLINS writes it ({@code <code>^<year>^<number>}:
     * the letter's own, or the Bundle identifier of a document a system sent); null when it has none. Never the
     * stored Bundle's resource id, which is no identifier a person or another system knows.
     */
    private String documentIdentifier(LetterTable.Stored answered) {
        Letter letter = LetterResources.letter(answered.letterJson());
        if (letter != null) {
            return ClinsDocuments.documentId(letter);
        }
        return answered.documentBlob() == null ? null : files.read(answered.documentBlob()).map(resources::parse)
                .filter(Bundle::hasIdentifier).map(b -> b.getIdentifier().getValue()).orElse(null);
    }

    /** The sender withdraws its letter: its own Task, through the facility's own write door. */
    Optional<LetterRow> cancel(Reader reader, LetterTable.Stored s, String reason) {
        LetterRow row = s.row();
        if (!row.status().open()) {
            return Optional.of(row);
        }
        String why = LetterParties.blankToNull(reason);
        ResourceWrite task = resources.task(state(s, LetterStatus.CANCELLED, why, null));
        writes.write(reader, task);
        Instant now = resources.now();
        if (table.status(row.id(), java.util.Set.of(LetterStatus.REQUESTED, LetterStatus.RECEIVED, LetterStatus.ACCEPTED),
                LetterStatus.CANCELLED, why, null, now)) {
            table.event(row.id(), LetterStatus.CANCELLED, reader.userId(), parties.author(reader.userId())
                    .map(Author::name).orElse("—"), why, now);
        }
        return table.find(row.id()).map(LetterTable.Stored::row);
    }

    /** The Task of stored letter {@code s} at {@code status}, as a write. */
    ResourceWrite task(LetterTable.Stored s, LetterStatus status, String reason, String replyDocumentId) {
        return resources.task(state(s, status, reason, replyDocumentId));
    }

    Instant now() {
        return resources.now();
    }

    /** A user's name for a letter's history. */
    String nameOf(long userId) {
        return parties.author(userId).map(Author::name).orElse("—");
    }

    /** The Task of stored letter {@code s} at {@code status}. */
    LetterResources.TaskState state(LetterTable.Stored s, LetterStatus status, String reason, String replyDocumentId) {
        LetterRow row = s.row();
        String addresseeCode = parties.facility(row.addresseeFacilityId()).map(Facility::institutionCode).orElse(null);
        return new LetterResources.TaskState(s.taskId(), s.documentId(), row.kind(), s.patientKey(),
                row.senderFacilityId(), row.senderFacility(), row.authorName(), row.addresseeFacility(), addresseeCode,
                row.sentAt(), row.due(), status, reason, replyDocumentId);
    }

    /**
     * The attachments as files of the letter: each picked resource read through the entry, its content kept (added to
     * {@code attachedFiles} under the name of its part, {@code letter-<letterId>-<place>}, kept with the letter's signed
     * files outside the transaction, swept when no letter {@code letterId} was stored); an upload only by its uploader
     * (a file's key is no permission to attach it).
     */
    private Content attached(Reader author, Entry record, Content content, List<String> faults, UUID letterId,
                             Map<String, byte[]> attachedFiles) {
        Content c = content == null ? new Content(null, null, null, null, null, null, null, null, null, null, null, null,
                null) : content;
        List<Attachment> files = new ArrayList<>();
        for (Attachment a : c.attachments()) {
            switch (a.source()) {
                case Attachment.Uploaded u -> {
                    if (!table.uploadedBy(author.userId(), u.blobKey()) || this.files.read(u.blobKey()).isEmpty()) {
                        faults.add("letter.fault.attachment");
                    } else {
                        files.add(a);
                    }
                }
                case Attachment.Stored s -> {
                    String[] parts = s.reference().split("/", 2);
                    StoredResource found = parts.length != 2 ? null : record.contents(List.of(parts[1])).stream()
                            .filter(r -> r.type().equals(parts[0]) && !r.deleted()).findFirst().orElse(null);
                    if (found == null) {
                        faults.add("letter.fault.attachment");
                        continue;
                    }
                    String type = "application/fhir+json";
                    byte[] bytes = found.json().getBytes(StandardCharsets.UTF_8);
                    JsonNode attachment = LetterResources.JSON.readTree(found.json()).path("content").path(0)
                            .path("attachment");
                    if (found.type().equals("DocumentReference") && attachment.hasNonNull("data")) {
                        bytes = Base64.getDecoder().decode(attachment.path("data").asString());
                        type = attachment.path("contentType").asString("application/octet-stream");
                    }
                    Blob blob = LetterFiles.blob(bytes);
                    String part = LetterFileSweep.attachment(letterId, files.size());
                    attachedFiles.put(part, bytes);
                    files.add(new Attachment(a.title(), type, blob.size(), blob.sha256(), new Attachment.Uploaded(part)));
                }
            }
        }
        return new Content(c.purpose(), c.diagnoses(), c.presentIllness(), c.history(), c.pastDiagnoses(), c.allergies(),
                c.findings(), c.results(), c.course(), c.medicines(), c.remarks(), c.stay(), files, c.details());
    }

    private static Demographics demographics(SourcePatient p, String insurance) {
        return new Demographics(p.localId(), name(p), kana(p), p.birthDate(),
                p.sex() == null ? "unknown" : p.sex().name().toLowerCase(java.util.Locale.ROOT), p.postalCode(),
                p.address(), p.phone(), insurance);
    }

    static String name(SourcePatient p) {
        String kanji = p.nameKanji();
        return kanji.isBlank() ? kana(p) == null ? "—" : kana(p) : kanji;
    }

    static String kana(SourcePatient p) {
        String kana = ((p.familyKana() == null ? "" : p.familyKana()) + " " + (p.givenKana() == null ? "" : p.givenKana()))
                .strip();
        return kana.isEmpty() ? null : kana;
    }
}
