package org.musubi.fhirapi.clins;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.ClinsPackages;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;

/**
 * {@code Patient/<id>/$clins-6} end to end: a hospital's EHR sends a patient's JP-CLINS resources (the official
 * examples, under a fresh patient), then asks for the 6 items: one JP-CLINS collection Bundle per item, 感染症 apart
 * from the other labs, each valid against the official packages; one audit row per call. A clinic with no standing
 * gets exactly the 404 of a person nobody has, audited once.
 */
@MusubiIntegrationTest
class ClinsSixIT extends NetworkFixtures {

    static final Path EXAMPLES = Path.of("../shared/samples/jp-clins-examples/ExampleJson");
    static final String SAMPLE_SYSTEM = "urn:oid:1.2.392.100495.20.3.51.11318814790";

    @Test
    void theHospitalGetsItsOwnSixItemsAsValidJpClinsBundlesAndAnotherFacilityTheOne404() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "JP-CLINS examples not present: " + EXAMPLES.toAbsolutePath());
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        ApiClientAdministration.NewApiClient ehr = clients.register(hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, ehr);
        IGenericClient fhir = clients.fhir(port, token);
        IParser json = clients.context().newJsonParser();
        String localId = FhirRecords.localId();
        Patient patient = (Patient) read(json, "Patient-Example-JP-Patient-eCS-MAKINO.json", hospital);
        patient.setId((String) null);
        patient.getIdentifier().stream().filter(i -> i.getSystem().equals(FhirRecords.patientSystem(hospital)))
                .forEach(i -> i.setValue(localId));
        fhir.create().resource(patient).execute();
        long person = clients.linkedPersonOf(hospital, localId);
        String patientRef = "Patient/" + FhirRecords.patientIdFor(fhir, hospital, localId);
        List<String> created = new java.util.ArrayList<>();
        for (String name : List.of("Condition-Example-JP-Condition-eCS-01.json", "Condition-Example-JP-Condition-eCS-02.json",
                "AllergyIntolerance-Example-JP-AllergyIntolerance-eCS-03.json", "Observation-Example-JP-Obs-LabResult-eCS-K.json")) {
            Resource r = read(json, name, hospital);
            r.setId((String) null);
            switch (r) {
                case Condition c -> c.setSubject(new Reference(patientRef));
                case AllergyIntolerance a -> a.setPatient(new Reference(patientRef));
                case Observation o -> o.setSubject(new Reference(patientRef));
                default -> { }
            }
            created.add(fhir.create().resource(r).execute().getId().getIdPart());
        }

        long before = audit.max();
        HttpResponse<String> answer = new FhirHttp(port, token).get("Patient/" + person + "/$clins-6", "application/fhir+json");
        assertThat(audit.countByUser(before, ehr.client().userId())).as("one audit row").isEqualTo(1);
        List<String> named = jdbc.sql("SELECT resource_ids FROM audit_event WHERE seq > ? AND user_id = ?")
                .params(before, ehr.client().userId()).query((rs, row) -> List.of((String[]) rs.getArray(1).getArray()))
                .single();
        assertThat(named).as("the row names what was returned: the four resources and the hospital's own Patient")
                .containsAll(created).hasSize(created.size() + 1);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Bundle collection = json.parseResource(Bundle.class, answer.body());
        assertThat(collection.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        String code = hospital.code().value();
        assertThat(collection.getEntry()).extracting(e -> ((Bundle) e.getResource()).getIdentifier().getValue())
                .allMatch(v -> v.startsWith(code + "^")).anyMatch(v -> v.contains("^6-DX-" + localId))
                .anyMatch(v -> v.contains("^6-CI-" + localId)).anyMatch(v -> v.contains("^6-LB-" + localId));
        if (java.nio.file.Files.isDirectory(ClinsPackages.FOLDER)) {
            for (Bundle.BundleEntryComponent e : collection.getEntry()) {
                assertThat(ClinsPackages.validation().checkJson(json.encodeResourceToString(e.getResource())))
                        .as(((Bundle) e.getResource()).getIdentifier().getValue()).isEmpty();
            }
        }

        ApiClientAdministration.NewApiClient other = clients.register(clinic, "system/*.read");
        String otherToken = clients.token(port, other);
        long between = audit.max();
        HttpResponse<String> refused = new FhirHttp(port, otherToken).get("Patient/" + person + "/$clins-6", "application/fhir+json");
        long after = audit.max();
        HttpResponse<String> nobody = new FhirHttp(port, otherToken).get("Patient/" + (person + 9_000_000) + "/$clins-6",
                "application/fhir+json");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(refused.body().replace(String.valueOf(person), "{id}"))
                .isEqualTo(nobody.body().replace(String.valueOf(person + 9_000_000), "{id}"));
        assertThat(audit.countByUser(between, other.client().userId()) - audit.countByUser(after, other.client().userId()))
                .isEqualTo(1);
        assertThat(audit.countByUser(after, other.client().userId())).isEqualTo(1);
    }

    /**
     * The 処方 item is what the patient takes now (the record's one reader of current medication): a prescription
     * whose supply reaches today is in it, last year's is not, nor a stay's drip once the stay has ended.
     */
    @Test
    void thePrescriptionsItemHoldsTheCurrentMedicationOnly() {
        Facility hospital = accounts.newHospital();
        ApiClientAdministration.NewApiClient ehr = clients.register(hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, ehr);
        IGenericClient fhir = clients.fhir(port, token);
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        long person = clients.linkedPersonOf(hospital, localId);
        Reference subject = new Reference("Patient/" + FhirRecords.patientIdFor(fhir, hospital, localId));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        FhirRecords.create(fhir, prescription(subject, "アムロジピン錠5mg", today.minusDays(10), 56, false));
        FhirRecords.create(fhir, prescription(subject, "ロスバスタチン錠2.5mg", today.minusYears(1), 28, false));
        FhirRecords.create(fhir, prescription(subject, "維持液（3号）500mL", today.minusDays(3), 0, true));

        HttpResponse<String> answer = new FhirHttp(port, token).get("Patient/" + person + "/$clins-6", "application/fhir+json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Bundle collection = clients.context().newJsonParser().parseResource(Bundle.class, answer.body());
        Bundle prescriptions = collection.getEntry().stream().map(e -> (Bundle) e.getResource())
                .filter(b -> b.getIdentifier().getValue().contains("^6-RX-")).findFirst().orElseThrow();
        assertThat(prescriptions.getEntry().stream().map(e -> e.getResource())
                .filter(org.hl7.fhir.r4.model.MedicationRequest.class::isInstance)
                .map(r -> ((org.hl7.fhir.r4.model.MedicationRequest) r).getMedicationCodeableConcept().getText()))
                .containsExactly("アムロジピン錠5mg");
    }

    private static org.hl7.fhir.r4.model.MedicationRequest prescription(Reference subject, String name,
                                                                        java.time.LocalDate day, int days, boolean inpatient) {
        var request = new org.hl7.fhir.r4.model.MedicationRequest()
                .setStatus(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent.ORDER).setSubject(subject)
                .setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType(day.toString()));
        request.getMedicationCodeableConcept().setText(name);
        if (days > 0) {
            request.getDispenseRequest().setExpectedSupplyDuration((org.hl7.fhir.r4.model.Duration)
                    new org.hl7.fhir.r4.model.Duration().setValue(days).setCode("d"));
        }
        if (inpatient) {
            request.addCategory().addCoding().setSystem(org.musubi.record.fhir.FhirSystems.MEDICATION_REQUEST_CATEGORY)
                    .setCode("inpatient");
        }
        return request;
    }

    private static Resource read(IParser json, String name, Facility hospital) throws IOException {
        return (Resource) json.parseResource(Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8)
                .replace(SAMPLE_SYSTEM, FhirRecords.patientSystem(hospital)).replace("1318814790", hospital.code().value()));
    }
}
