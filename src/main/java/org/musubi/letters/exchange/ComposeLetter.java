package org.musubi.letters.exchange;

import org.musubi.letters.exchange.jdbc.LetterTable;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.blob.Blob;
import org.musubi.identity.SourcePatient;
import org.musubi.letters.Addressee;
import org.musubi.letters.Allergy;
import org.musubi.letters.Attachment;
import org.musubi.letters.Author;
import org.musubi.letters.Coded;
import org.musubi.letters.Content;
import org.musubi.letters.Demographics;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Facility;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.Medicine;
import org.musubi.letters.Result;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Interaction;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.medication.MedicationAlert;
import org.musubi.medication.MedicationEntry;
import org.musubi.medication.RecordedAllergy;
import org.musubi.medication.allergy.AllergyChecks;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.allergy.AllergyStatus;
import org.musubi.record.fhir.condition.ActiveProblems;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.record.fhir.medication.CurrentMedication;
import org.musubi.record.fhir.medication.MedicationCourse;
import org.musubi.record.fhir.medication.OpenStays;
import tools.jackson.databind.JsonNode;

/**
 * Writing a letter: the composer's start prefilled from what the author sees of the record (one audited read, by a
 * facility that may act for the person), previews and uploads; the drafts are {@link KeepLetterDrafts}'.
 */
public final class ComposeLetter {

    /** How many of each kind of record entry the composer offers. */
    private static final int OFFERED = 30;
    private static final Set<String> PICKED = Set.of("DocumentReference", "DiagnosticReport", "Observation");
    private static final Set<String> MEDICATION_TYPES = Set.of("MedicationRequest", "MedicationDispense",
            "MedicationStatement");
    /** How far back the medicines are read: a year's supply and its grace period (what is current: CurrentMedication). */
    private static final java.time.Duration MEDICINES = java.time.Duration.ofDays(400);

    private final ReadRecords reads;
    private final LetterTable table;
    private final LetterParties parties;
    private final LetterFiles files;
    private final LetterResources resources;

    public ComposeLetter(ReadRecords reads, LetterTable table, LetterParties parties, LetterFiles files,
                     LetterResources resources) {
        this.reads = reads;
        this.table = table;
        this.parties = parties;
        this.files = files;
        this.resources = resources;
    }

    /** Facilities of the network a letter may be addressed to (active, not the author's own). */
    public List<LetterExchange.FacilityChoice> addressees(Reader author) {
        return parties.choices(author.facilityId());
    }

    /**
     * The composer's start for person {@code personId}; empty when the author may not write for the person. A reply
     * ({@code repliesTo}) answers a letter addressed to the author's facility about the same person, not yet answered;
     * a letter id nobody has is audited as a miss ({@link ReadRecords#missed}), as a letter the author may not see.
     */
    public Optional<LetterExchange.Prefill> compose(Reader author, long personId, LetterKind kind, UUID repliesTo) {
        if (repliesTo == null) {
            return compose(author, personId, kind, (LetterRow) null);
        }
        Optional<LetterTable.Stored> answered = answerable(table, author, personId, repliesTo);
        if (answered.isEmpty()) {
            reads.missed(author, AuditAction.READ, "Letter", repliesTo.toString());
        }
        // The letter is addressed to the author's facility: that it cannot answer yet (the patient not yet its own,
        // linked by card) is no secret from it, and is said rather than answered as absent.
        return answered.map(a -> compose(author, personId, kind, a.row()).orElseGet(() ->
                new LetterExchange.Prefill(kind, new Content(null, null, null, null, null, null, null, null, null, null,
                        null, null, null), List.of(), a.row().patientName(), a.row().birthDate(), null, a.row(),
                        "letter.fault.notOurPatient", List.of())));
    }

    /** The letter a reply answers: addressed to the author's facility, about the same person, not yet answered. */
    static Optional<LetterTable.Stored> answerable(LetterTable table, Reader author, long personId, UUID id) {
        return table.find(id).filter(s -> author.facilityId() != null
                && author.actsFor(s.row().addresseeFacilityId()) && s.row().personId() == personId
                && s.row().status().open());
    }

    private Optional<LetterExchange.Prefill> compose(Reader author, long personId, LetterKind kind, LetterRow answered) {
        Interaction<LetterExchange.Prefill> read = reads.readPerson(author, PatientRef.person(personId),
                AuditAction.READ, "Letter", view -> view.actAsHolder(), record -> {
                    SourcePatient own = parties.known(author, record.view()).orElse(null);
                    if (own == null) {
                        return null;
                    }
                    List<Outline> outline = record.outline();
                    List<String> ids = new ArrayList<>();
                    for (String type : List.of("Condition", "AllergyIntolerance", "Observation", "DocumentReference",
                            "DiagnosticReport")) {
                        outline.stream().filter(o -> o.type().equals(type)).limit(OFFERED).forEach(o -> ids.add(o.id()));
                    }
                    Instant medicines = resources.now().minus(MEDICINES);
                    outline.stream().filter(o -> MEDICATION_TYPES.contains(o.type())
                            && (o.clinicalDate() == null || o.clinicalDate().isAfter(medicines))).forEach(o -> ids.add(o.id()));
                    ids.addAll(OpenStays.toRead(outline));
                    List<StoredResource> read2 = ids.isEmpty() ? List.of() : record.contents(ids);
                    return prefill(kind, read2, own, answered);
                });
        return Optional.ofNullable(read.permitted() ? read.value() : null);
    }

    private LetterExchange.Prefill prefill(LetterKind kind, List<StoredResource> read, SourcePatient own,
                                           LetterRow answered) {
        List<StoredResource> conditions = new ArrayList<>();
        List<JsonNode> conditionJson = new ArrayList<>();
        List<Allergy> allergies = new ArrayList<>();
        List<RecordedAllergy> recorded = new ArrayList<>();
        List<MedicationCourse> courses = new ArrayList<>();
        List<StoredResource> encounters = new ArrayList<>();
        List<JsonNode> encounterJson = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        List<LetterExchange.Pick> picks = new ArrayList<>();
        for (StoredResource r : read) {
            if (r.deleted()) {
                continue;
            }
            JsonNode json = LetterResources.JSON.readTree(r.json());
            String ref = r.type() + "/" + r.id();
            switch (r.type()) {
                case "Encounter" -> {
                    encounters.add(r);
                    encounterJson.add(json);
                }
                case "Condition" -> {
                    conditions.add(r);
                    conditionJson.add(json);
                }
                case "AllergyIntolerance" -> {
                    String text = FhirJson.concept(json.path("code"));
                    if (text != null && AllergyStatus.holds(json)) {
                        String reaction = String.join("、", AllergyStatus.manifestations(json));
                        allergies.add(new Allergy(coded(text, json.path("code")), json.path("category").path(0).asString(null),
                                reaction.isEmpty() ? null : reaction,
                                "high".equals(json.path("criticality").asString(null)), ref));
                        recorded.add(new RecordedAllergy(text, parties.facility(r.sourceFacilityId()).map(Facility::name)
                                .orElse("")));
                    }
                }
                case "MedicationRequest", "MedicationDispense", "MedicationStatement" ->
                        MedicationCourse.of(r, json).ifPresent(courses::add);
                default -> { }
            }
            if (r.category() == DataCategory.LAB_RESULTS && r.type().equals("Observation")) {
                String text = FhirJson.concept(json.path("code"));
                ObservationValue.Quantity quantity = ObservationValue.of(json).quantity();
                if (text != null && quantity != null) {
                    results.add(new Result(coded(text, json.path("code")), quantity.figure(), quantity.unitOrCode(),
                            FhirJson.firstInstant(json.path("effectiveDateTime"), json.path("issued")), ref));
                }
            }
            if (PICKED.contains(r.type()) && (r.type().equals("DocumentReference")
                    || r.category() == DataCategory.LAB_RESULTS || r.type().equals("DiagnosticReport"))) {
                String title = r.type().equals("DocumentReference")
                        ? Optional.ofNullable(json.path("description").asString(null))
                                .orElse(Optional.ofNullable(FhirJson.concept(json.path("type"))).orElse("文書 / Document"))
                        : Optional.ofNullable(FhirJson.concept(json.path("code"))).orElse(r.type());
                Instant at = r.type().equals("DocumentReference") ? FhirJson.instant(json.path("date"))
                        : FhirJson.firstInstant(json.path("effectiveDateTime"), json.path("issued"));
                String type = json.path("content").path(0).path("attachment").path("contentType")
                        .asString("application/fhir+json");
                picks.add(new LetterExchange.Pick(ref, title, type, at == null ? null : LocalDate.ofInstant(at,
                        LetterExchange.JAPAN)));
            }
        }
        List<Diagnosis> diagnoses = ActiveProblems.of(conditions, conditionJson).stream()
                .map(p -> new Diagnosis(coded(p.title(), p.code()), p.onset(), true, p.suspected(), p.main(),
                        p.refs().getFirst())).toList();
        LocalDate today = LocalDate.ofInstant(resources.now(), LetterExchange.JAPAN);
        List<MedicationCourse> current = CurrentMedication.of(courses, OpenStays.of(encounters, encounterJson, today),
                today).current().stream().map(CurrentMedication.Medicine::newest).toList();
        List<Medicine> medicines = current.stream().map(c -> new Medicine(coded(c.name(), c.concept()), c.dosage(),
                c.ref())).toList();
        List<MedicationAlert> alerts = List.copyOf(AllergyChecks.find(current.stream().map(c -> new MedicationEntry(
                        c.ref(), c.yjCode() == null ? null : FhirSystems.YJ, c.yjCode(), c.name(), c.start(),
                        c.end() == null ? today : c.end(), parties.facility(c.facilityId())
                                .map(f -> org.musubi.medication.Source.named(f.name())).orElse(null), null,
                        MedicationEntry.Kind.PRESCRIPTION)).toList(),
                java.util.Map.of(), recorded));
        results.sort(Comparator.comparing(Result::at, Comparator.nullsLast(Comparator.reverseOrder())));
        picks.sort(Comparator.comparing(LetterExchange.Pick::date, Comparator.nullsLast(Comparator.reverseOrder())));
        Content content = new Content(null, diagnoses, null, null, null, allergies, null,
                results.subList(0, Math.min(10, results.size())), null, medicines, null, null, null);
        return new LetterExchange.Prefill(kind, content, List.copyOf(picks), Sending.name(own), own.birthDate(), null,
                answered, null, alerts);
    }

    /**
     * Keeps an uploaded file for a letter being written (not yet part of anyone's record).
     *
     * @throws java.io.UncheckedIOException whose cause is {@link org.musubi.blob.BlobStore.TooLarge} beyond {@link
     *     LetterExchange#MAX_UPLOAD}, or another {@link java.io.IOException} when the blob store fails
     */
    public Attachment upload(Reader author, String title, String contentType, InputStream content) {
        Blob blob = files.put(content, LetterExchange.MAX_UPLOAD);
        table.uploaded(author.userId(), blob.key(), resources.now());
        return new Attachment(title == null || title.isBlank() ? "添付 / Attachment" : title.strip(),
                contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType, blob.size(),
                blob.sha256(), new Attachment.Uploaded(blob.key()));
    }

    /** The HTML of the letter as it would be sent (nothing stored); empty when refused. */
    public Optional<String> preview(Reader author, long personId, LetterRequest request, Locale locale) {
        Interaction<String> read = reads.readPerson(author, PatientRef.person(personId), AuditAction.READ, "Letter",
                view -> view.actAsHolder(), record -> {
                    SourcePatient own = parties.known(author, record.view()).orElse(null);
                    Optional<Author> writer = parties.author(author.userId());
                    Optional<Facility> sender = parties.facility(author.facilityId());
                    Optional<Addressee> addressee = request == null ? Optional.empty()
                            : parties.addressee(request.addresseeFacilityId(), request.department(), request.doctor());
                    if (own == null || writer.isEmpty() || sender.isEmpty()) {
                        return null;
                    }
                    if (addressee.isEmpty() || request.kind() == null) {
                        return fault("宛先と種類を選んでください。 / Choose the addressee and the kind.");
                    }
                    try {
                        String insurance = request.insuranceMemberId() == null || request.insuranceMemberId().isBlank()
                                ? null : request.insuranceMemberId().strip();
                        Content content = request.content() == null ? new Content(null, null, null, null, null, null,
                                null, null, null, null, null, null, null) : request.content();
                        Letter letter = new Letter(request.kind(), "000000", 1, resources.now(), writer.get(),
                                sender.get(), addressee.get(), new Demographics(own.localId(), Sending.name(own),
                                Sending.kana(own), own.birthDate(), own.sex() == null ? "unknown"
                                        : own.sex().name().toLowerCase(Locale.ROOT), own.postalCode(), own.address(),
                                own.phone(), insurance), content, null, null);
                        return files.rendering().html(letter, locale);
                    } catch (IllegalArgumentException e) {
                        return fault(e.getMessage());
                    }
                });
        return Optional.ofNullable(read.permitted() ? read.value() : null);
    }

    private static String fault(String text) {
        return "<p class=\"letter-fault\">" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") + "</p>";
    }

    /** The words and the codings of a concept as the record holds them (a letter's document carries the codes). */
    private static Coded coded(String text, JsonNode concept) {
        List<Coded.Code> codes = new ArrayList<>();
        for (JsonNode coding : concept.path("coding")) {
            String system = coding.path("system").asString(null);
            String code = coding.path("code").asString(null);
            if (system != null && !system.isBlank() && code != null && !code.isBlank()) {
                codes.add(new Coded.Code(system, code, coding.path("display").asString(null)));
            }
        }
        return new Coded(text, codes);
    }
}
