package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.systems.DeclareIdentifierSystem;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facility's declared identifier system (issue 24, item 2) is no oracle and no way in: hospital A declares its EHR's
 * MRN system and registers a patient by it; clinic B's system, with its own token, asks about that MRN in every way
 * the API offers (PIXm, PDQm), refers to it in what it writes, and registers a Patient of its own with it. Each
 * answer is alike to the answer about an MRN that does not exist, whether the patient has no consent or a consent
 * without a link to B, and each query leaves exactly one audit row.
 */
@MusubiIntegrationTest
class DeclaredSystemAttackIT extends NetworkFixtures {

    enum State { NO_CONSENT, CONSENT_WITHOUT_LINK }

    @Autowired
    DeclareIdentifierSystem declare;

    /** One way of asking: {@code {key}} stands for the MRN asked about; {@code audited}: a query, one audit row. */
    record Probe(String name, String method, String path, String body, boolean audited) {
    }

    @TestFactory
    List<DynamicTest> anotherFacilitysSystemCannotTellADeclaredMrnFromAnAbsentOne() {
        Facility hospital = accounts.newHospital();
        String mrnSystem = "https://ehr.example.org/" + UUID.randomUUID() + "/mrn";
        declare.declare(Administrator.of(accounts.networkAdmin()), hospital.id(), mrnSystem);
        Facility attacker = accounts.facilityOf(FacilityKind.CLINIC);
        RawApi api = new RawApi(port, clients.token(port, clients.register(attacker, "system/*.read", "system/*.write")));
        List<DynamicTest> tests = new ArrayList<>();
        for (State state : State.values()) {
            String mrn = victim(hospital, mrnSystem, state);
            String absent = "N" + mrn.substring(1);
            for (Probe probe : probes(mrnSystem)) {
                tests.add(DynamicTest.dynamicTest(state + " " + probe.name(), () -> {
                    long before = audit.max();
                    HttpResponse<String> refused = send(api, probe, mrn);
                    long between = audit.max();
                    HttpResponse<String> missing = send(api, probe, absent);

                    Answers.assertAlike(probe.name(), refused, mrn, missing, absent);
                    assertThat(refused.statusCode()).as(probe.name()).isIn(200, 404, 422);
                    assertThat(refused.body()).as(probe.name()).doesNotContain("consent").doesNotContain("同意")
                            .doesNotContain("linked").doesNotContain("連携").doesNotContain(hospital.nameKanji());
                    long refusedRows = audit.countSince(before) - audit.countSince(between);
                    assertThat(refusedRows).as("audit rows of the refused probe, as of the absent one")
                            .isEqualTo(audit.countSince(between));
                    if (probe.audited()) {
                        assertThat(refusedRows).as("audit rows of the refused probe").isEqualTo(1);
                    }
                }));
            }
        }
        return tests;
    }

    private static List<Probe> probes(String mrnSystem) {
        String token = URLEncoder.encode(mrnSystem, StandardCharsets.UTF_8) + "%7C{key}";
        String reference = mrnSystem + "|{key}";
        return List.of(
                new Probe("PIXm", "GET", "Patient/$ihe-pix?sourceIdentifier=" + token, null, true),
                new Probe("PIXm targetSystem", "GET", "Patient/$ihe-pix?sourceIdentifier=" + token + "&targetSystem="
                        + URLEncoder.encode(mrnSystem, StandardCharsets.UTF_8), null, true),
                new Probe("PDQm identifier", "GET", "Patient?identifier=" + token, null, true),
                new Probe("Observation about Patient?identifier=", "POST", "Observation", """
                        {"resourceType":"Observation","status":"final","code":{"text":"HbA1c"},
                         "subject":{"reference":"Patient?identifier=%s"}}""".formatted(reference), false),
                new Probe("Observation about a logical reference", "POST", "Observation", """
                        {"resourceType":"Observation","status":"final","code":{"text":"HbA1c"},
                         "subject":{"identifier":{"system":"%s","value":"{key}"}}}""".formatted(mrnSystem), false),
                new Probe("Patient registered with the other facility's MRN", "POST", "Patient", """
                        {"resourceType":"Patient","identifier":[{"system":"%s","value":"{key}"}],
                         "name":[{"family":"ノットミー","given":["タロウ"]}],"gender":"male","birthDate":"1970-01-01"}"""
                        .formatted(mrnSystem), false));
    }

    private static HttpResponse<String> send(RawApi api, Probe probe, String key) {
        return api.send(probe.method(), probe.path().replace("{key}", key),
                probe.body() == null ? null : probe.body().replace("{key}", key));
    }

    /** Hospital A's patient registered by its MRN only, in the given consent state (never linked to the attacker). */
    private String victim(Facility hospital, String mrnSystem, State state) {
        IGenericClient own = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String mrn = "M" + UUID.randomUUID().toString().substring(0, 18);
        Patient patient = FhirRecords.newPatient(hospital, "unused", "ショウメイ");
        patient.getIdentifier().clear();
        patient.addIdentifier().setSystem(mrnSystem).setValue(mrn);
        own.create().resource(patient).execute();
        if (state == State.CONSENT_WITHOUT_LINK) {
            long person = clients.personOf(hospital, mrnSystem + "|" + mrn);
            consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                    accounts.networkAdmin().id(), hospital.id());
        }
        return mrn;
    }
}
