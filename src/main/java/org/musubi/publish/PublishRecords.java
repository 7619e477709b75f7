package org.musubi.publish;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.blob.Blob;
import org.musubi.identity.SourcePatient;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.allergy.AllergyStatus;
import org.musubi.record.fhir.condition.ConditionStatus;
import org.musubi.record.fhir.medication.MedicationConcept;

/**
 * What a facility publishes by hand, as FHIR R4 entered under its own source patient: a document is a Binary naming
 * its bytes in the blob store and a current DocumentReference (its kind in {@link #DOCUMENT_KIND} and, where one is
 * used, LOINC; its title, date and author); a note's lines are a Condition (free text, the code as typed when given,
 * in {@link #DIAGNOSIS_CODE}), an AllergyIntolerance and a MedicationStatement (free text). Each carries the tag
 * {@link #TAG} that tells a publication from the facility's other records. A correction is the same resource with
 * its text changed, a withdrawal the same resource entered-in-error: new versions, the old ones kept. Each entry has
 * its Provenance (the author, and what was done).
 */
final class PublishRecords {

    /** The meta tag of what a facility published by hand. */
    static final String TAG = FhirSystems.PUBLISHED_BY_HAND;
    /** Musubi's CodeSystem of the kinds of documents published by hand ({@link DocumentKind}). */
    static final String DOCUMENT_KIND = "urn:musubi:published-document-kind";
    /** The system of a diagnosis code typed by hand (as typed: a receipt code, ICD-10 or 標準病名 code). */
    static final String DIAGNOSIS_CODE = "urn:musubi:published-diagnosis-code";

    private final ResourceEncoder encoder;
    private final Clock clock;
    private final FhirContext context;

    PublishRecords(ResourceEncoder encoder, Clock clock, FhirContext context) {
        this.encoder = encoder;
        this.clock = clock;
        this.context = context;
    }

    Clock clock() {
        return clock;
    }

    /** The Binary of a blob of {@code mediaType}. */
    ResourceWrite binary(SourcePatient own, String id, Blob blob, String mediaType) {
        Binary binary = new Binary().setContentType(mediaType);
        binary.getMeta().addExtension(FhirSystems.BLOB_SHA256, new StringType(blob.sha256()));
        binary.getMeta().addExtension(FhirSystems.BLOB_SIZE, new StringType(String.valueOf(blob.size())));
        tag(binary);
        return encoder.entered(binary, id, own.id(), own.facilityId());
    }

    /** The DocumentReference of a document published by hand, its content the Binary {@code binaryId}. */
    ResourceWrite document(SourcePatient own, String id, String binaryId, Blob blob, String mediaType, String fileName,
                           Publishing.Described described, String author) {
        DocumentReference document = new DocumentReference();
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        describe(document, described);
        document.addAuthor(new Reference().setDisplay(author));
        document.addContent().getAttachment().setContentType(mediaType).setTitle(fileName)
                .setUrl("Binary/" + binaryId).setSize((int) Math.min(Integer.MAX_VALUE, blob.size()))
                .setCreationElement(new DateTimeType(Date.from(clock.instant())));
        tag(document);
        return encoder.entered(document, id, own.id(), own.facilityId());
    }

    private static void describe(DocumentReference document, Publishing.Described described) {
        CodeableConcept type = new CodeableConcept().setText(described.title());
        type.addCoding(new Coding(DOCUMENT_KIND, described.kind().name(), described.kind().name()));
        if (described.kind().loinc() != null) {
            type.addCoding(new Coding(FhirSystems.LOINC, described.kind().loinc(), null));
        }
        document.setType(type);
        document.setDescription(described.title());
        document.setDateElement(new InstantType(described.date().toString() + "T00:00:00+09:00"));
        document.getContext().getPeriod().setStartElement(new DateTimeType(described.date().toString()));
    }

    ResourceWrite diagnosis(SourcePatient own, String id, String text, String code, String author) {
        Condition condition = new Condition();
        condition.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_CLINICAL, "active", "Active")));
        condition.setVerificationStatus(ConditionStatus.verification(false));
        CodeableConcept concept = new CodeableConcept().setText(text);
        if (code != null) {
            concept.addCoding(new Coding(DIAGNOSIS_CODE, code, text));
        }
        condition.setCode(concept);
        condition.setRecordedDateElement(new DateTimeType(Date.from(clock.instant())));
        condition.setRecorder(new Reference().setDisplay(author));
        tag(condition);
        return encoder.entered(condition, id, own.id(), own.facilityId());
    }

    ResourceWrite allergy(SourcePatient own, String id, String text, String author) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_CLINICAL, "active", "Active")));
        allergy.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_VERIFICATION, "confirmed",
                "Confirmed")));
        allergy.setCode(new CodeableConcept().setText(text));
        allergy.setRecordedDateElement(new DateTimeType(Date.from(clock.instant())));
        allergy.setRecorder(new Reference().setDisplay(author));
        tag(allergy);
        return encoder.entered(allergy, id, own.id(), own.facilityId());
    }

    /**
     * A medicine the facility prescribes, as its prescription (issue 64): an active outpatient MedicationRequest without
     * a supply, current until the facility withdraws it ({@code record.fhir.medication.MedicationCourse}), shown as
     * this facility's prescription on every screen, letter and JP-CLINS 処方 item. (Notes published before 2026-11-28
     * stored a MedicationStatement, read the same way.)
     */
    ResourceWrite medicine(SourcePatient own, String id, String text, String author) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.addCategory(new CodeableConcept(new Coding(FhirSystems.MEDICATION_REQUEST_CATEGORY, "outpatient",
                "Outpatient")));
        request.setMedication(new CodeableConcept().setText(text));
        request.setAuthoredOnElement(new DateTimeType(Date.from(clock.instant())));
        request.setRequester(new Reference().setDisplay(author));
        tag(request);
        return encoder.entered(request, id, own.id(), own.facilityId());
    }

    /** The stored publication {@code json} of {@code type}, as a resource to change. */
    Resource parse(String type, String json) {
        return (Resource) context.newJsonParser().parseResource(json);
    }

    /** The publication's text (a note line's, or a document's title). */
    static String text(Resource resource) {
        return switch (resource) {
            case Condition c -> c.getCode().getText();
            case AllergyIntolerance a -> a.getCode().getText();
            case MedicationStatement m -> MedicationConcept.written(m).getText();
            case MedicationRequest m -> MedicationConcept.written(m).getText();
            case DocumentReference d -> d.getDescription();
            default -> null;
        };
    }

    /** Whether the publication was withdrawn. */
    static boolean withdrawn(Resource resource) {
        return switch (resource) {
            case Condition c -> ConditionStatus.of(c).enteredInError();
            case AllergyIntolerance a -> AllergyStatus.enteredInError(a);
            case MedicationStatement m -> m.getStatus() == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR;
            case MedicationRequest m -> m.getStatus() == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR;
            case DocumentReference d -> d.getStatus() == Enumerations.DocumentReferenceStatus.ENTEREDINERROR;
            default -> false;
        };
    }

    /** The resource with its text changed (a document: its title, kind and date as {@code described} says). */
    ResourceWrite corrected(SourcePatient own, String id, Resource resource, Publishing.Described described) {
        switch (resource) {
            case Condition c -> c.getCode().setText(described.title());
            case AllergyIntolerance a -> a.getCode().setText(described.title());
            case MedicationStatement m -> MedicationConcept.written(m).setText(described.title());
            case MedicationRequest m -> MedicationConcept.written(m).setText(described.title());
            case DocumentReference d -> describe(d, described);
            default -> throw new IllegalArgumentException("not a publication: " + resource.fhirType());
        }
        return encoder.entered(resource, id, own.id(), own.facilityId());
    }

    /** The resource entered-in-error (withdrawn). */
    ResourceWrite withdrawn(SourcePatient own, String id, Resource resource) {
        switch (resource) {
            case Condition c -> c.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION,
                    "entered-in-error", "Entered in Error")));
            case AllergyIntolerance a -> a.setVerificationStatus(new CodeableConcept(new Coding(
                    FhirSystems.ALLERGY_VERIFICATION, "entered-in-error", "Entered in Error")));
            case MedicationStatement m -> m.setStatus(MedicationStatement.MedicationStatementStatus.ENTEREDINERROR);
            case MedicationRequest m -> m.setStatus(MedicationRequest.MedicationRequestStatus.ENTEREDINERROR);
            case DocumentReference d -> d.setStatus(Enumerations.DocumentReferenceStatus.ENTEREDINERROR);
            default -> throw new IllegalArgumentException("not a publication: " + resource.fhirType());
        }
        return encoder.entered(resource, id, own.id(), own.facilityId());
    }

    /** The Provenance of an entry: the author, and the activity (publish, correct, withdraw) as its text. */
    ResourceWrite provenance(SourcePatient own, String author, String activity, List<Written> written) {
        Provenance provenance = new Provenance();
        written.stream().filter(w -> w.change() != Written.Change.UNCHANGED)
                .forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        provenance.setActivity(new CodeableConcept().setText(activity));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference().setDisplay(author));
        return encoder.entered(provenance, UUID.randomUUID().toString(), own.id(), own.facilityId());
    }

    /** Whether a stored resource is a publication by hand. */
    static boolean published(Resource resource) {
        return resource.getMeta().getTag().stream().anyMatch(t -> TAG.equals(t.getSystem()));
    }

    private static void tag(Resource resource) {
        resource.getMeta().addTag(TAG, "manual", "手動公開");
    }

    /** The date of a publication shown on the history page. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo")));
    }
}
