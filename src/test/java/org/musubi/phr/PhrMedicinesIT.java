package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.identity.cards.IssueCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
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
    IssueCard cards;
    @Autowired
    Residents residents;
    @Autowired
    AuditRows audit;

    @Test
    void aResidentSeesTheirDispensingsAndNobodyElseDoes() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.PHARMACY, "オクスリ");
        Facility pharmacy = patient.facility();
        long personId = patient.personId();
        MedicationDispense dispense = new MedicationDispense()
                .setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED)
                .setSubject(patient.reference())
                .setMedication(new CodeableConcept(new Coding("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                        "2171022F1020", "アムロジピン錠5mg")))
                .setWhenHandedOverElement(new DateTimeType("2024-04-01"));
        dispense.setQuantity(new Quantity().setValue(28).setUnit("錠"));
        FhirRecords.create(patient.api(), dispense);
        Residents.Resident resident = residents.register(personId);
        WebSession web = residents.logIn(port, resident);
        long before = audit.max();

        HttpResponse<String> page = web.get("/phr/medicines");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("アムロジピン錠5mg").contains(pharmacy.nameKanji() + " で受け取り");
        assertThat(audit.forPatient(before, patient.person().regionalId())).containsExactly("READ PERMIT policy.permit.patientSelfAccess");

        WebSession stranger = residents.logIn(port, residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "ベツジン").personId()));
        assertThat(stranger.get("/phr/medicines").body()).doesNotContain("アムロジピン").contains("id=\"med-current-none\"");
    }
}
