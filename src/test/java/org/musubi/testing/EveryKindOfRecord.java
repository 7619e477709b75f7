package org.musubi.testing;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.springframework.stereotype.Component;

/**
 * One person's record holding a resource of every kind a token's scopes can leave out, sent as facilities send
 * them: by a hospital over the FHIR API its patient, an organization, an encounter, a lab result referring to both,
 * a diagnosis, an allergy, an OTC drug, a PDF (Binary) and a collection Bundle (stored whole and entry by entry);
 * by a pharmacy a JAHIS notebook (a dispensing, with the pharmacy and pharmacist as directory resources). The person
 * consented and a clinic is linked, so what the clinic's systems see is decided by their scopes alone.
 */
@Component
public class EveryKindOfRecord {

    /** Every type the record holds: the person's stored types and the directory types they refer to. */
    public static final Set<String> TYPES = Set.of("Patient", "Encounter", "Observation", "Condition",
            "AllergyIntolerance", "MedicationStatement", "MedicationDispense", "Binary", "Bundle", "Organization",
            "Practitioner");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final FhirClients clients;
    private final TestAccounts accounts;
    private final Consents consents;
    private final PharmacyNotebooks notebooks;
    private final IdentityStore identities;

    EveryKindOfRecord(FhirClients clients, TestAccounts accounts, Consents consents, PharmacyNotebooks notebooks,
                      IdentityStore identities) {
        this.clients = clients;
        this.accounts = accounts;
        this.consents = consents;
        this.notebooks = notebooks;
        this.identities = identities;
    }

    /** The record, and the ids of the resources a test reads by id. */
    public record Record(long personId, String regionalId, Facility hospital, Facility clinic, String hospitalPatient,
                         String observation, String bundle, String binary) {
    }

    public Record create(int port) {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        var sender = clients.register(hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, sender);
        IGenericClient fhir = clients.fhir(port, token);
        String localId = FhirRecords.localId();
        Patient patient = FhirRecords.newPatient(hospital, localId, "スコープ");
        String patientId = FhirRecords.create(fhir, patient.copy());
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        String organization = FhirRecords.create(fhir, new Organization().setName("検査部"));
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED).setSubject(subject);
        encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
        String encounterId = FhirRecords.create(fhir, encounter);
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-03-01", 6.8);
        lab.setEncounter(new Reference("Encounter/" + encounterId)).addPerformer(new Reference("Organization/" + organization));
        String observation = FhirRecords.create(fhir, lab);
        Condition condition = new Condition().setSubject(subject);
        condition.getCode().addCoding().setSystem("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full").setCode("E11");
        FhirRecords.create(fhir, condition);
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(subject).setCode(new CodeableConcept().setText("卵"));
        allergy.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical")
                .setCode("active");
        FhirRecords.create(fhir, allergy);
        FhirRecords.create(fhir, new MedicationStatement().setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
                .setMedication(new CodeableConcept().setText("市販のかぜ薬")).setSubject(subject)
                .setEffective(new DateTimeType("2026-01-05")));
        String binary = binary(port, token, subject.getReference());
        String bundle = FhirRecords.create(fhir, collection(patient, hospital, localId));
        long person = clients.personOf(hospital, localId);
        long admin = accounts.networkAdmin().id();
        dispensing(person, admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        return new Record(person, identities.person(person).orElseThrow().person().regionalId(), hospital, clinic,
                patientId, observation, bundle, binary);
    }

    /** A collection Bundle of the patient and a second lab result. */
    private static Bundle collection(Patient patient, Facility hospital, String localId) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient.copy());
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.LDL, "2024-03-01", 120);
        lab.setSubject(new Reference(patientUrl));
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(lab);
        return bundle;
    }

    private static String binary(int port, String token, String patient) {
        try {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/fhir/Binary")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/pdf").header("X-Security-Context", patient)
                    .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.4 紹介状", StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return created.headers().firstValue("Location").orElseThrow().split("/")[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void dispensing(long person, long admin) {
        Facility pharmacy = notebooks.pharmacy("スコープ薬局");
        notebooks.send(pharmacy, new PharmacyNotebooks.Holder("範囲 花子", "ハンイ ハナコ", "2", "19600101"),
                new PharmacyNotebooks.Dispensed("20260110", "アムロジピン錠５ｍｇ", "2171022F1021", 28, "範囲病院", "7654321"));
        notebooks.samePerson(pharmacy, person, admin);
    }
}
