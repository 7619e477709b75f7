package org.musubi.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.audit.AuditAction;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.musubi.record.PatientRef;
import org.musubi.record.write.Entry;
import org.musubi.scan.Scanner;
import org.musubi.identity.SourcePatient;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Publishing by hand (手動公開): a facility without a system of its own publishes, from the portal, a document or a
 * short structured note for a patient it is linked to; corrects or withdraws it later, the history kept.
 *
 * <p>Every publish, correction and withdrawal is one interaction through the record's one write door ({@link
 * WriteRecords#enter}), one audit row ({@link #TARGET}), gated by the access policy: the caller's facility must have
 * standing for the person ({@link PersonView#actAsHolder}: a live link made with the person's card), and the caller's
 * profession must see every kind of data the entry is (the profession × category matrix: a document is DOCUMENTS; a
 * note's lines DIAGNOSES, ALLERGIES, MEDICATIONS) — so doctors, nurses and pharmacists publish, a clerk does not.
 * Anything else (no link, no such person, a profession the matrix refuses) answers as for a person who does not exist
 * (empty), audited once as that refusal. Stored under the facility's own source patient (the one its link made), as
 * its own record, categorised by the record's indexer as any writer's.
 *
 * <p>A document's content is checked before anything is read or audited: a PDF must be one (its signature), a picture
 * a JPEG or PNG made safe by {@link PhotoSanitizer} (re-encoded, metadata gone); anything larger than the limit is
 * refused; with a malware scanner configured, a file it does not find clean is refused ({@link Invalid}).
 */
public final class Publishing {

    /** What publish, correct and withdraw are audited as. */
    public static final String TARGET = "manual-publication";
    /** What the list of a facility's publications for a person is audited as. */
    public static final String LIST_TARGET = "manual-publications";
    /** The longest title or note line kept. */
    public static final int TEXT = 500;
    /** The most lines of each kind in a note. */
    public static final int LINES = 20;
    private static final Set<String> TYPES = Set.of("DocumentReference", "Condition", "AllergyIntolerance",
            "MedicationRequest", "MedicationStatement");

    private final WriteRecords writes;
    private final ReadRecords reads;
    private final PublishRecords records;
    private final Parts parts;
    private final PublishChecks checks;

    /** What publishing builds with besides the doors. */
    record Parts(BlobStore blobs, Scanner scanner, Users users, PublishSources sources, long maxBytes) {
    }

    Publishing(WriteRecords writes, ReadRecords reads, PublishRecords records, Parts parts) {
        this.writes = writes;
        this.reads = reads;
        this.records = records;
        this.parts = parts;
        this.checks = new PublishChecks(parts.maxBytes(), parts.scanner());
    }

    /** A document or a line's description: a title (a line's text), and for a document its kind and date. */
    public record Described(String title, DocumentKind kind, LocalDate date) {
    }

    /** A file uploaded to be published. */
    public record Upload(String fileName, byte[] bytes) {
    }

    /** A diagnosis of a note: free text, and a code when one was typed. */
    public record Diagnosis(String text, String code) {
    }

    /** A short structured note: diagnoses, allergies, current medicines (blank lines left out). */
    public record Note(List<Diagnosis> diagnoses, List<String> allergies, List<String> medicines) {
    }

    /** One of a facility's publications for a person, as its history page shows it (its current version). */
    public record Publication(String type, String id, String text, int version, boolean withdrawn,
                              java.time.Instant updated) {
    }

    /** The person's name and the facility's publications for them, newest first. */
    public record Listing(String name, List<Publication> items) {
    }

    /** Content or a form that cannot be published: its message key and arguments; nothing stored, nothing audited. */
    public static final class Invalid extends RuntimeException {
        private final String messageKey;
        private final transient List<Object> args;

        public Invalid(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = List.of(args);
        }

        public String messageKey() {
            return messageKey;
        }

        public List<Object> args() {
            return args;
        }
    }

    /** The largest file published, in bytes. */
    public long maxBytes() {
        return parts.maxBytes();
    }

    /** Whether uploads are scanned for malware. */
    public boolean scanning() {
        return parts.scanner().configured();
    }

    /**
     * Publishes a document for the person: the DocumentReference's id, or empty when refused.
     *
     * @throws Invalid when the file or its description cannot be published (nothing audited)
     */
    public Optional<String> document(Reader by, long personId, Upload upload, Described described) {
        Described checked = PublishChecks.checked(described, true);
        PublishChecks.Safe safe = checks.safe(upload);
        return entered(by, personId, AuditAction.CREATE, Set.of(DataCategory.DOCUMENTS), "publish", (own, entry) -> {
            Blob blob;
            try {
                blob = parts.blobs().put(new ByteArrayInputStream(safe.bytes()), parts.maxBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String binaryId = UUID.randomUUID().toString();
            String documentId = UUID.randomUUID().toString();
            return new Made(List.of(records.binary(own, binaryId, blob, safe.mediaType()),
                    records.document(own, documentId, binaryId, blob, safe.mediaType(), PublishChecks.fileName(upload.fileName()),
                            checked, name(by))), documentId);
        }).map(List::getFirst);
    }

    /**
     * Publishes a note for the person: the ids of the resources made, or empty when refused.
     *
     * @throws Invalid when the note has nothing in it, or a line too long or too many lines (nothing audited)
     */
    public Optional<List<String>> note(Reader by, long personId, Note note) {
        List<Diagnosis> diagnoses = note.diagnoses().stream().filter(d -> d.text() != null && !d.text().isBlank())
                .map(d -> new Diagnosis(PublishChecks.line(d.text()), d.code() == null || d.code().isBlank() ? null : PublishChecks.line(d.code())))
                .toList();
        List<String> allergies = PublishChecks.lines(note.allergies());
        List<String> medicines = PublishChecks.lines(note.medicines());
        if (diagnoses.size() + allergies.size() + medicines.size() == 0) {
            throw new Invalid("publish.fault.emptyNote");
        }
        if (diagnoses.size() > LINES || allergies.size() > LINES || medicines.size() > LINES) {
            throw new Invalid("publish.fault.tooManyLines", LINES);
        }
        Set<DataCategory> categories = java.util.EnumSet.noneOf(DataCategory.class);
        if (!diagnoses.isEmpty()) {
            categories.add(DataCategory.DIAGNOSES);
        }
        if (!allergies.isEmpty()) {
            categories.add(DataCategory.ALLERGIES);
        }
        if (!medicines.isEmpty()) {
            categories.add(DataCategory.MEDICATIONS);
        }
        return entered(by, personId, AuditAction.CREATE, categories, "publish", (own, entry) -> {
            String author = name(by);
            List<ResourceWrite> made = new ArrayList<>();
            diagnoses.forEach(d -> made.add(records.diagnosis(own, UUID.randomUUID().toString(), d.text(), d.code(),
                    author)));
            allergies.forEach(a -> made.add(records.allergy(own, UUID.randomUUID().toString(), a, author)));
            medicines.forEach(m -> made.add(records.medicine(own, UUID.randomUUID().toString(), m, author)));
            return new Made(made, null);
        });
    }

    /**
     * Corrects one of the facility's publications ({@code type}, {@code id}) for the person: a new version with the
     * text (a document: its title, kind and date) {@code described} says. False when refused or when there is no such
     * live publication of the facility (one audit row either way).
     */
    public boolean correct(Reader by, long personId, String type, String id, Described described) {
        Described checked = PublishChecks.checked(described, "DocumentReference".equals(type));
        return changed(by, personId, type, id, "correct", (own, stored) -> records.corrected(own, id, stored, checked));
    }

    /**
     * Withdraws one of the facility's publications: a new version entered-in-error (the viewer stops showing it; the
     * history keeps it). False when refused or when there is no such live publication of the facility.
     */
    public boolean withdraw(Reader by, long personId, String type, String id) {
        return changed(by, personId, type, id, "withdraw", (own, stored) -> records.withdrawn(own, id, stored));
    }

    /**
     * The facility's publications for the person, newest first, withdrawn ones too (their history): one interaction
     * (READ, {@link #LIST_TARGET}) under the same gate as publishing (standing); empty when refused.
     */
    public Optional<Listing> published(Reader by, long personId) {
        Interaction<Listing> read = reads.readPerson(by, PatientRef.person(personId), AuditAction.READ, LIST_TARGET,
                PersonView::actAsHolder, record -> {
                    String name = record.view().opened().map(p -> p.person().familyKanji() + " "
                            + p.person().givenKanji()).orElse("");
                    List<String> ids = record.outline().stream().filter(o -> TYPES.contains(o.type())
                            && by.facilityId() != null && o.sourceFacilityId() == by.facilityId())
                            .map(o -> o.id()).toList();
                    if (ids.isEmpty()) {
                        return new Listing(name, List.of());
                    }
                    List<Publication> found = new ArrayList<>();
                    for (StoredResource r : record.contents(ids)) {
                        Resource resource = records.parse(r.type(), r.json());
                        if (r.sourceFacilityId() == by.facilityId() && PublishRecords.published(resource)) {
                            found.add(new Publication(r.type(), r.id(), PublishRecords.text(resource), r.version(),
                                    PublishRecords.withdrawn(resource), r.lastUpdated()));
                        }
                    }
                    found.sort(Comparator.comparing(Publication::updated).reversed());
                    return new Listing(name, found);
                });
        return read.permitted() && read.value() != null ? Optional.of(read.value()) : Optional.empty();
    }

    private boolean changed(Reader by, long personId, String type, String id, String activity,
                            java.util.function.BiFunction<SourcePatient, Resource, ResourceWrite> change) {
        if (type == null || !TYPES.contains(type) || id == null || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            type = "DocumentReference";
            id = null;
        }
        String ref = id;
        String kind = type;
        return entered(by, personId, AuditAction.UPDATE, Set.of(category(kind)), activity, (own, entry) -> {
            StoredResource stored = ref == null ? null : entry.contents(List.of(ref)).stream()
                    .filter(r -> r.type().equals(kind) && r.id().equals(ref) && r.patientKey() == own.id()
                            && r.sourceFacilityId() == own.facilityId() && !r.deleted())
                    .findFirst().orElse(null);
            Resource resource = stored == null ? null : records.parse(kind, stored.json());
            if (resource == null || !PublishRecords.published(resource) || PublishRecords.withdrawn(resource)) {
                return null;
            }
            return new Made(List.of(change.apply(own, resource)), ref);
        }).isPresent();
    }

    private static DataCategory category(String type) {
        return switch (type) {
            case "Condition" -> DataCategory.DIAGNOSES;
            case "AllergyIntolerance" -> DataCategory.ALLERGIES;
            case "MedicationRequest", "MedicationStatement" -> DataCategory.MEDICATIONS;
            default -> DataCategory.DOCUMENTS;
        };
    }

    /** What an entry stores, and the id it answers with first (null: every id written, in order). */
    private record Made(List<ResourceWrite> writes, String first) {
    }

    /**
     * One interaction: the gate (standing, then every category seen under the facility), the facility's own source
     * patient, the body's writes with their Provenance. Empty when refused, or when the body found nothing to do.
     */
    private Optional<List<String>> entered(Reader by, long personId, AuditAction action, Set<DataCategory> categories,
                                           String activity,
                                           java.util.function.BiFunction<SourcePatient, Entry, Made> body) {
        if (by.facilityId() == null) {
            return Optional.empty();
        }
        long facility = by.facilityId();
        Function<PersonView, Decision> gate = view -> {
            Decision holder = view.actAsHolder();
            if (!holder.permitted()) {
                return holder;
            }
            for (DataCategory category : categories) {
                Decision seen = view.decide(new DataItem(facility, category));
                if (!seen.permitted()) {
                    return seen;
                }
            }
            return holder;
        };
        Interaction<List<String>> done = writes.enter(by, personId, action, TARGET, gate, entry -> {
            if (entry.view().opened().isEmpty()) {
                return null;
            }
            SourcePatient own = parts.sources().of(by.userId(), facility, entry.view().opened().get(),
                    entry.view().sources());
            Made made = body.apply(own, entry);
            if (made == null) {
                return null;
            }
            String author = name(by);
            entry.store(made.writes(), written -> records.provenance(own, author, activity, written));
            return made.first() != null ? List.of(made.first()) : made.writes().stream().map(ResourceWrite::id).toList();
        });
        return done.permitted() && done.value() != null ? Optional.of(done.value()) : Optional.empty();
    }

    private String name(Reader by) {
        return parts.users().find(by.userId()).map(User::nameKanji).orElse("#" + by.userId());
    }
}
