package org.musubi.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facility;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Counts derived from diagnoses: Conditions a hospital's system sends through the FHIR API are counted per facility,
 * day and syndrome by their ICD-10 code's prefix (one per person), a code of no syndrome is not counted, a deleted
 * Condition stops counting at the next run, and the facility's own report of the day comes before the derived count.
 */
@MusubiIntegrationTest
class SurveillanceDerivationIT extends NetworkFixtures {

    @Autowired
    SurveillanceDerivation derivation;
    @Autowired
    Surveillance surveillance;
    @Autowired
    ReportSurveillanceCounts reports;
    @Autowired
    SurveillanceStore store;

    @Test
    void conditionsAreCountedBySyndromeFacilityAndDay() {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        LocalDate today = surveillance.today();
        String first = FhirRecords.localId();
        String second = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, first, FhirRecords.uniqueKana());
        FhirRecords.registerPatient(fhir, hospital, second, FhirRecords.uniqueKana());
        FhirRecords.create(fhir, condition(hospital, first, "J10.1", today));
        FhirRecords.create(fhir, condition(hospital, first, "J11", today)); // the same person: counted once
        String deleted = FhirRecords.create(fhir, condition(hospital, second, "J09", today));
        // JP Core's ICD-10 system (…/ICD10-2013-full) counts as ICD-10 too
        FhirRecords.create(fhir, condition(hospital, second, "A09", today.minusDays(2), FhirSystems.ICD10));
        FhirRecords.create(fhir, condition(hospital, second, "J45", today)); // asthma: no syndrome
        long before = audit.max();

        assertThat(derivation.now()).isTrue();

        assertThat(store.counted(hospital.id(), today)).isEqualTo(Map.of("INFLUENZA_LIKE", 2));
        assertThat(store.counted(hospital.id(), today.minusDays(2))).isEqualTo(Map.of("GASTROENTERITIS", 1));
        assertThat(audit.rowsSince(before)).filteredOn(r -> "SurveillanceReport".equals(r.resourceType()))
                .extracting(AuditRows.Row::reason).singleElement().asString().startsWith("derived from Conditions");

        fhir.delete().resourceById("Condition", deleted).execute();
        derivation.now();
        assertThat(store.counted(hospital.id(), today)).isEqualTo(Map.of("INFLUENZA_LIKE", 1));

        reports.report(hospital.id(), today, Map.of("INFLUENZA_LIKE", 5), null);
        derivation.now();
        assertThat(store.counted(hospital.id(), today)).as("the report comes first").isEqualTo(Map.of("INFLUENZA_LIKE", 5));
    }

    /**
     * What the documentation says is counted: diagnoses, 疑い too (a suspected influenza is what surveillance is for),
     * never a refuted or mistaken one; a syndrome's 傷病名マスター code matches a disease master code exactly, read from the
     * record's code index like the ICD-10 codes.
     */
    @Test
    void refutedAndMistakenDiagnosesAreNotCountedAndDiseaseMasterCodesMatchExactly() {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        LocalDate day = surveillance.today().minusDays(1);
        String[] patients = new String[6];
        for (int i = 0; i < patients.length; i++) {
            patients[i] = FhirRecords.localId();
            FhirRecords.registerPatient(fhir, hospital, patients[i], FhirRecords.uniqueKana());
        }
        FhirRecords.create(fhir, verified(condition(hospital, patients[0], "J10", day), "confirmed"));
        FhirRecords.create(fhir, verified(condition(hospital, patients[1], "J10", day), "provisional"));
        FhirRecords.create(fhir, verified(condition(hospital, patients[2], "J10", day), "refuted"));
        FhirRecords.create(fhir, verified(condition(hospital, patients[3], "J10", day), "entered-in-error"));
        String code = "9" + (System.nanoTime() % 10_000_000);
        Condition byMaster = condition(hospital, patients[4], "A09", day, FhirSystems.DISEASE_KEY);
        byMaster.getCode().getCodingFirstRep().setCode(code);
        FhirRecords.create(fhir, byMaster);
        Condition longer = condition(hospital, patients[5], "A09", day, FhirSystems.DISEASE_KEY);
        longer.getCode().getCodingFirstRep().setCode(code + "1");
        FhirRecords.create(fhir, longer);
        jdbc.sql("UPDATE surveillance_syndrome SET disease_codes = array_append(disease_codes, ?) WHERE code = 'GASTROENTERITIS'")
                .param(code).update();
        try {
            derivation.now();
        } finally {
            jdbc.sql("UPDATE surveillance_syndrome SET disease_codes = array_remove(disease_codes, ?) WHERE code = 'GASTROENTERITIS'")
                    .param(code).update();
        }

        assertThat(store.counted(hospital.id(), day)).as("confirmed and suspected count; refuted and mistaken do not; "
                + "a longer disease code is another disease").isEqualTo(Map.of("INFLUENZA_LIKE", 2, "GASTROENTERITIS", 1));
    }

    private static Condition verified(Condition c, String code) {
        if (code.equals("entered-in-error")) {
            c.setClinicalStatus(null); // FHIR's con-5: no clinical status on a mistaken Condition
        }
        c.getVerificationStatus().addCoding().setSystem(FhirSystems.CONDITION_VERIFICATION).setCode(code);
        return c;
    }

    private static Condition condition(Facility facility, String localId, String icd10, LocalDate day) {
        return condition(facility, localId, icd10, day, "http://hl7.org/fhir/sid/icd-10");
    }

    private static Condition condition(Facility facility, String localId, String icd10, LocalDate day, String system) {
        Condition c = new Condition();
        c.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        c.getCode().addCoding().setSystem(system).setCode(icd10);
        c.setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(facility) + "|" + localId));
        c.setOnset(new DateTimeType(day + "T12:00:00+09:00"));
        return c;
    }
}
