package org.musubi.testing;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import java.time.LocalDate;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * A patient of a clinic (or pharmacy) that writes letters about them: registered by the facility's system (its
 * Patient resource's id kept, as an EHR keeps it to send a document) with a kanji name, a diagnosis coded with its MEDIS 病名管理番号, an allergy and an HbA1c result, and linked there with the card
 * (standing: the facility may write for the person).
 */
@Component
public class LetterPatients {

    public static final String MEDIS_DISEASE = "http://medis.or.jp/CodeSystem/master-disease-keyNumber";
    public static final String DIAGNOSIS = "2型糖尿病";
    public static final String ALLERGY = "ペニシリン";
    private final FhirClients clients;
    private final IdentityStore identities;
    private final Consents consents;
    private final TestAccounts accounts;

    LetterPatients(FhirClients clients, IdentityStore identities, Consents consents, TestAccounts accounts) {
        this.clients = clients;
        this.identities = identities;
        this.consents = consents;
        this.accounts = accounts;
    }

    /** A person as the writing facility holds them. */
    public record Written(long personId, String localId, String kanjiName, String givenKana, LocalDate birthDate,
                          String patientResourceId) {
    }

    /**
     * The person comes to another facility with the card: that facility registers them as its own patient and links
     * them (standing), as it must before it answers a letter with one of its own.
     */
    public void visits(Facility facility, Written patient) {
        SourcePatient own = identities.receive(new SourcePatient(0, facility.id(), FhirRecords.localId(), "紹介",
                patient.kanjiName().substring(3), "ショウカイ", patient.givenKana(), Sex.FEMALE, patient.birthDate(),
                null, null, null));
        long admin = accounts.networkAdmin().id();
        identities.link(own.id(), patient.personId(), LinkMethod.OPERATOR, admin, "test");
        consents.link(patient.personId(), facility.id(), admin);
    }

    public Written at(int port, Facility facility) {
        IGenericClient api = clients.fhirFor(port, facility, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        String given = "花子" + localId.substring(localId.length() - 3);
        Patient patient = FhirRecords.withKanjiName(FhirRecords.newPatient(facility, localId, "ショウカイ"), "紹介", given);
        String patientResourceId = FhirRecords.create(api, patient);
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(facility) + "|" + localId);
        Condition condition = new Condition().setSubject(subject)
                .setCode(new CodeableConcept(new Coding(MEDIS_DISEASE, "20059752", DIAGNOSIS)).setText(DIAGNOSIS));
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        condition.setOnset(new DateTimeType("2020-04-01"));
        FhirRecords.create(api, condition);
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(subject)
                .setCode(new CodeableConcept().setText(ALLERGY));
        FhirRecords.create(api, allergy);
        FhirRecords.create(api, FhirRecords.lab(facility, localId, FhirRecords.HBA1C, "2026-11-01", 7.2));
        long person = clients.linkedPersonOf(facility, localId);
        return new Written(person, localId, "紹介 " + given, patient.getName().get(1).getGivenAsSingleString(),
                LocalDate.parse(patient.getBirthDateElement().getValueAsString()), patientResourceId);
    }
}
