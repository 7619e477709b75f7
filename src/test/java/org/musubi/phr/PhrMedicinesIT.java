package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssueCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * わたしのお薬 over real HTTP: a resident sees what a pharmacy dispensed to them, with the pharmacy named; the page is
 * one audited self-access read; another resident sees none of it.
 */
@MusubiIntegrationTest
class PhrMedicinesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    FhirClients clients;
    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard cards;
    @Autowired
    Residents residents;
    @Autowired
    AuditRows audit;

    @Test
    void aResidentSeesTheirDispensingsAndNobodyElseDoes() {
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        IGenericClient api = clients.fhirFor(port, pharmacy, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, pharmacy, localId, "オクスリ");
        long personId = FhirRecords.personOf(api, pharmacy, localId);
        MedicationDispense dispense = new MedicationDispense()
                .setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED)
                .setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(pharmacy) + "|" + localId))
                .setMedication(new CodeableConcept(new Coding("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                        "2171022F1020", "アムロジピン錠5mg")))
                .setWhenHandedOverElement(new DateTimeType("2024-04-01"));
        dispense.setQuantity(new Quantity().setValue(28).setUnit("錠"));
        FhirRecords.create(api, dispense);
        Residents.Resident resident = register(personId);
        WebSession web = residents.logIn(port, resident);
        long before = audit.max();

        HttpResponse<String> page = web.get("/phr/medicines");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("アムロジピン錠5mg").contains(pharmacy.nameKanji() + " で受け取り");
        Person person = identities.person(personId).orElseThrow().person();
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("READ PERMIT policy.permit.patientSelfAccess");

        Facility other = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient otherApi = clients.fhirFor(port, other, "system/*.read", "system/*.write");
        String otherLocal = FhirRecords.localId();
        FhirRecords.registerPatient(otherApi, other, otherLocal, "ベツジン");
        WebSession stranger = residents.logIn(port, register(FhirRecords.personOf(otherApi, other, otherLocal)));
        assertThat(stranger.get("/phr/medicines").body()).doesNotContain("アムロジピン").contains("id=\"med-current-none\"");
    }

    private Residents.Resident register(long personId) {
        Person person = identities.person(personId).orElseThrow().person();
        return residents.register(personId, cards.regional(accounts.networkAdmin().id(), personId).card().number(),
                person.birthDate());
    }
}
