package org.musubi.attack;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.LetterRequest;
import org.musubi.letters.exchange.SendLetter;
import org.musubi.record.Reader;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.attack.Victim.Marker;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.SyntheaLikeRecords;

/**
 * Sets up hospital A's patients for the attack matrix, one per {@link AttackState}, each with a marker in every
 * kind of data, written as a hospital's system writes them (FHIR API), and the consent, link, block or
 * break-the-glass of the state recorded as the operator's screens and the portal record them.
 */
final class Victims {

    private final IGenericClient hospitalApi;
    private final RawApi hospitalRaw;
    private final Facility hospital;
    private final Consents consents;
    private final long operator;
    private FhirClients clients;
    private IGenericClient clinicApi;
    private SendLetter letters;
    private long letterWriter;

    /**
     * Where the test database tells which person a patient is linked to, and the attacking clinic's own system (which
     * registers a look-alike in {@link AttackState#MATCH_ONLY}).
     */
    Victims lookingUpIn(FhirClients clients, IGenericClient clinicApi) {
        this.clients = clients;
        this.clinicApi = clinicApi;
        return this;
    }

    /** Who of hospital A writes the victim's letter to the other hospital (a doctor), and through what. */
    Victims writingLettersAs(SendLetter letters, long hospitalDoctor) {
        this.letters = letters;
        this.letterWriter = hospitalDoctor;
        return this;
    }

    Victims(IGenericClient hospitalApi, RawApi hospitalRaw, Facility hospital, Consents consents, long operator) {
        this.hospitalApi = hospitalApi;
        this.hospitalRaw = hospitalRaw;
        this.hospital = hospital;
        this.consents = consents;
        this.operator = operator;
    }

    /**
     * @param clinic the attacking facility
     * @param otherHospital a disclosing hospital other than A, for the disclosure card that does not cover A
     * @param glassUsers the users who break the glass in {@link AttackState#EMERGENCY_GLASS}
     */
    Victim create(AttackState state, Facility clinic, Facility otherHospital, List<Long> glassUsers) {
        String localId = FhirRecords.localId();
        String unique = FhirRecords.uniqueKana();
        Map<Marker, String> markers = new EnumMap<>(Marker.class);
        markers.put(Marker.DEMOGRAPHICS, unique);
        markers.put(Marker.LOCAL_ID, localId);
        markers.put(Marker.LAB, "84." + (1000 + Math.abs(unique.hashCode() % 9000)));
        markers.put(Marker.DIAGNOSIS, "攻撃試験病名" + unique);
        markers.put(Marker.ALLERGY, "攻撃試験アレルゲン" + unique);
        markers.put(Marker.MEDICATION, "攻撃試験薬" + unique);
        markers.put(Marker.BUNDLE, "attack-bundle-" + UUID.randomUUID());
        markers.put(Marker.DOCUMENT, "攻撃試験文書" + unique);
        markers.put(Marker.CLAIM, "攻撃試験請求" + unique);
        markers.put(Marker.CARE_TEAM, "攻撃試験ケアチーム" + unique);
        markers.put(Marker.UNINFORMED_DIAGNOSIS, "攻撃試験未告知病名" + unique);
        markers.put(Marker.UNDELIVERED_DIAGNOSIS, "攻撃試験未提供病名" + unique);
        markers.put(Marker.TASK, "攻撃試験紹介依頼" + unique);
        markers.put(Marker.CARE_TASK, "攻撃試験ケア依頼" + unique);
        // a name and birth date nobody else in the test database has, so that matching makes a new person of it
        Patient patient = FhirRecords.newPatient(hospital, localId, "コウゲキ" + FhirRecords.uniqueKana());
        patient.getNameFirstRep().getGiven().clear();
        patient.getNameFirstRep().addGiven(unique);
        patient.setBirthDateElement(new DateType(FhirRecords.uniqueBirthDate().toString()));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("082-"
                + (100 + ThreadLocalRandom.current().nextInt(900)) + "-"
                + (1000 + ThreadLocalRandom.current().nextInt(9000)));
        hospitalApi.create().resource(patient).execute();
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2025-06-01", 0);
        lab.setValue(new Quantity().setValue(new BigDecimal(markers.get(Marker.LAB))).setUnit("%"));
        String observation = FhirRecords.create(hospitalApi, lab);
        Condition condition = new Condition().setSubject(subject);
        condition.getCode().setText(markers.get(Marker.DIAGNOSIS)).addCoding()
                .setSystem("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full").setCode("E11");
        condition.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        FhirRecords.create(hospitalApi, condition);
        String uninformed = FhirRecords.create(hospitalApi, flagged(condition, "UNINFORMED",
                markers.get(Marker.UNINFORMED_DIAGNOSIS)));
        String undelivered = FhirRecords.create(hospitalApi, flagged(condition, "UNDELIVERED",
                markers.get(Marker.UNDELIVERED_DIAGNOSIS)));
        Task referral = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER).setFor(subject)
                .setDescription(markers.get(Marker.TASK));
        referral.getCode().addCoding().setSystem(FhirSystems.LETTER_TYPE).setCode(LetterKind.REFERRAL.localCode());
        String task = FhirRecords.create(hospitalApi, referral);
        String careTask = FhirRecords.create(hospitalApi, new Task().setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER).setFor(subject).setDescription(markers.get(Marker.CARE_TASK))
                .setOwner(new Reference("Practitioner/attack-nurse")));
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(subject)
                .setCode(new CodeableConcept().setText(markers.get(Marker.ALLERGY)));
        allergy.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical")
                .setCode("active");
        String allergyId = FhirRecords.create(hospitalApi, allergy);
        FhirRecords.create(hospitalApi, new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(subject)
                .setAuthoredOn(Date.valueOf(LocalDate.now().minusDays(3)))
                .setMedication(new CodeableConcept().setText(markers.get(Marker.MEDICATION))));
        String bundle = FhirRecords.create(hospitalApi, collection(patient, localId, markers.get(Marker.BUNDLE)));
        String binary = binary(subject.getReference(), markers.get(Marker.DOCUMENT));
        String documentReference = FhirRecords.create(hospitalApi, document(subject, markers.get(Marker.DOCUMENT)));
        String claim = FhirRecords.create(hospitalApi, SyntheaLikeRecords.claim(subject,
                new Reference().setDisplay("攻撃試験病院"), markers.get(Marker.CLAIM)));
        String careTeam = FhirRecords.create(hospitalApi, SyntheaLikeRecords.careTeam(subject, markers.get(Marker.CARE_TEAM)));
        long person = clients.personOf(hospital, localId);
        record(state, person, clinic, otherHospital, glassUsers);
        String letter = letter(person, otherHospital);
        if (state == AttackState.MATCH_ONLY) {
            lookAlike(patient, clinic, person);
        }
        return new Victim(state, person, localId, patient.getNameFirstRep().getFamily(),
                patient.getBirthDateElement().getValueAsString(), observation, allergyId, bundle, binary, documentReference,
                claim, careTeam, uninformed, undelivered, task, careTask, letter, markers);
    }

    /**
     * A letter of hospital A about the person to the other hospital (A linked the person with the card first, as a
     * writer must): clinic B is neither its sender nor its addressee in any state. {@code null} without a writer.
     */
    private String letter(long person, Facility otherHospital) {
        if (letters == null) {
            return null;
        }
        consents.link(person, hospital.id(), operator);
        Content content = new Content("攻撃試験の情報提供", List.of(), null, null, List.of(), List.of(), null, List.of(),
                null, List.of(), null, null, List.of());
        LetterExchange.Sent sent = letters.send(new Reader(letterWriter, hospital.id()), person,
                new LetterRequest(LetterKind.INFORMATION, otherHospital.id(), null, null, content, null, null, null), null);
        if (!(sent instanceof LetterExchange.Sent.Done done)) {
            throw new IllegalStateException("the victim's letter was not sent: " + sent);
        }
        return done.letter().id().toString();
    }

    private void record(AttackState state, long person, Facility clinic, Facility otherHospital, List<Long> glassUsers) {
        Set<Purpose> both = Set.of(Purpose.TREATMENT, Purpose.EMERGENCY);
        switch (state) {
            case NONE -> { }
            case CONSENT_ONLY -> consents.grant(person, ConsentScope.ALL_FACILITIES, null, both, operator, hospital.id());
            case LINK_ONLY -> consents.link(person, clinic.id(), operator);
            case CONSENT_AND_LINK -> consentAndLink(person, clinic);
            case LINK_ENDED -> {
                consentAndLink(person, clinic);
                consents.endLink(person, clinic.id(), operator);
            }
            case CONSENT_WITHDRAWN -> consents.withdraw(consentAndLink(person, clinic).id(), operator);
            case FACILITY_BLOCKED -> {
                consentAndLink(person, clinic);
                consents.block(person, clinic.id(), operator);
            }
            case OTHER_HOSPITALS_DISCLOSURE_CARD -> {
                consents.grant(person, ConsentScope.ONE_FACILITY, otherHospital.id(), both, operator, otherHospital.id());
                consents.link(person, clinic.id(), operator);
            }
            case EMERGENCY_GLASS -> {
                consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.EMERGENCY), operator, hospital.id());
                Instant until = Instant.now().plus(4, ChronoUnit.HOURS);
                glassUsers.forEach(user -> consents.openEmergency(person, user, "攻撃試験の緊急時アクセス", until));
            }
        }
    }

    /**
     * The clinic's own system registers a copy of the patient's demographics under its own patient ID, with a lab
     * result of its own; 名寄せ links it to the person at once (asserted), which grants the clinic nothing.
     */
    private void lookAlike(Patient patient, Facility clinic, long person) {
        String clinicLocal = FhirRecords.localId();
        Patient copy = patient.copy();
        copy.getIdentifier().clear();
        copy.addIdentifier().setSystem(FhirRecords.patientSystem(clinic)).setValue(clinicLocal);
        clinicApi.create().resource(copy).execute();
        FhirRecords.create(clinicApi, FhirRecords.lab(clinic, clinicLocal, FhirRecords.HBA1C, "2025-07-01", 5.5));
        if (clients.personOf(clinic, clinicLocal) != person) {
            throw new IllegalStateException("the look-alike was not matched to the person");
        }
    }

    private Consent consentAndLink(long person, Facility clinic) {
        Consent consent = consents.grant(person, ConsentScope.ALL_FACILITIES, null,
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), operator, hospital.id());
        consents.link(person, clinic.id(), operator);
        return consent;
    }

    /** A collection Bundle (JP-CLINS style) of the patient and a lab result, with the marker as its identifier. */
    private Bundle collection(Patient patient, String localId, String identifier) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.getIdentifier().setSystem("urn:musubi:attack").setValue(identifier);
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient.copy());
        Observation ldl = FhirRecords.lab(hospital, localId, FhirRecords.LDL, "2025-06-01", 121);
        ldl.setSubject(new Reference(patientUrl));
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(ldl);
        return bundle;
    }

    /** A copy of the diagnosis under another name, tagged with a JP-CLINS flag as JP_Condition_eCS writes it. */
    private static Condition flagged(Condition condition, String flag, String name) {
        Condition copy = condition.copy();
        copy.setId((String) null);
        copy.getCode().setText(name);
        copy.getMeta().addTag("http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication", flag, null);
        return copy;
    }

    private static DocumentReference document(Reference subject, String text) {
        DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(subject);
        document.getType().setText("紹介状");
        document.addContent().setAttachment(new Attachment().setContentType("text/plain;charset=utf-8")
                .setData(text.getBytes(StandardCharsets.UTF_8)).setTitle("紹介状"));
        return document;
    }

    private String binary(String patient, String text) {
        var created = hospitalRaw.binary(patient, "%PDF-1.4 " + text);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Binary not stored: " + created.statusCode() + " " + created.body());
        }
        return created.headers().firstValue("Location").orElseThrow().split("/")[1];
    }
}
