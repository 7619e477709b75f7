package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.SyntheaLikeRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding 1 (PIXm and reads were an existence oracle): another facility's system, with its own token, asks
 * about hospital A's patient in every way the API offers, and about a patient, record or identifier that does
 * not exist in the same way. The two answers must be alike (status, headers, body) whether the patient has no
 * consent or a consent without a link, and each attempt leaves exactly one audit row. Before the fix the
 * existing patient answered 403 with the policy's reason ("no active consent", "not linked"), the absent one 404.
 */
@MusubiIntegrationTest
class ExistenceOracleAttackIT extends NetworkFixtures {

    enum State { NO_CONSENT, CONSENT_WITHOUT_LINK }

    @Autowired
    IdentityStore identities;

    /** One way of asking: {@code {key}} in the path stands for the thing asked about. */
    record Probe(String name, String method, String path, String real, String absent) {
    }

    @TestFactory
    List<DynamicTest> anotherFacilitysSystemCannotTellAnExistingPatientFromAnAbsentOne() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility attacker = accounts.facilityOf(FacilityKind.CLINIC);
        RawApi api = new RawApi(port, clients.token(port, clients.register(attacker, "system/*.read", "system/*.write")));
        List<DynamicTest> tests = new ArrayList<>();
        for (State state : State.values()) {
            Victim victim = victim(hospital, state);
            for (Probe probe : probes(victim, hospital)) {
                tests.add(DynamicTest.dynamicTest(state + " " + probe.name(), () -> {
                    long before = audit.max();
                    HttpResponse<String> refused = api.send(probe.method(), probe.path().replace("{key}", probe.real()), null);
                    long between = audit.max();
                    HttpResponse<String> absent = api.send(probe.method(), probe.path().replace("{key}", probe.absent()), null);

                    Answers.assertAlike(probe.name(), refused, probe.real(), absent, probe.absent());
                    assertThat(refused.statusCode()).as(probe.name()).isIn(200, 404);
                    assertThat(refused.body()).as(probe.name()).doesNotContain("consent").doesNotContain("同意")
                            .doesNotContain("linked").doesNotContain("連携");
                    assertThat(audit.countSince(before) - audit.countSince(between)).as("audit rows of the refused probe")
                            .isEqualTo(1);
                    assertThat(audit.countSince(between)).as("audit rows of the absent probe").isEqualTo(1);
                }));
            }
        }
        return tests;
    }

    private List<Probe> probes(Victim v, Facility hospital) {
        String person = String.valueOf(v.personId());
        String absentPerson = absentPersonLike(v.personId());
        String observation = v.observationId();
        String absentObservation = UUID.randomUUID().toString();
        String system = FhirRecords.patientSystem(hospital);
        String absentLocal = "N" + v.localId().substring(1);
        return List.of(
                new Probe("read Patient", "GET", "Patient/{key}", person, absentPerson),
                new Probe("$everything", "GET", "Patient/{key}/$everything", person, absentPerson),
                new Probe("$everything _count", "GET", "Patient/{key}/$everything?_count=5", person, absentPerson),
                new Probe("$medication-notebook", "GET", "Patient/{key}/$medication-notebook", person, absentPerson),
                new Probe("$summary", "GET", "Patient/{key}/$summary", person, absentPerson),
                new Probe("$summary identifier", "GET", "Patient/$summary?identifier=" + system + "%7C{key}", v.localId(),
                        absentLocal),
                new Probe("search Observation", "GET", "Observation?patient=Patient/{key}", person, absentPerson),
                new Probe("read Observation", "GET", "Observation/{key}", observation, absentObservation),
                new Probe("vread Observation", "GET", "Observation/{key}/_history/1", observation, absentObservation),
                new Probe("history Observation", "GET", "Observation/{key}/_history", observation, absentObservation),
                new Probe("delete Observation", "DELETE", "Observation/{key}", observation, absentObservation),
                new Probe("read Binary", "GET", "Binary/{key}", v.binaryId(), UUID.randomUUID().toString()),
                new Probe("read Claim", "GET", "Claim/{key}", v.claimId(), UUID.randomUUID().toString()),
                new Probe("history Claim", "GET", "Claim/{key}/_history", v.claimId(), UUID.randomUUID().toString()),
                new Probe("search Claim", "GET", "Claim?patient=Patient/{key}", person, absentPerson),
                new Probe("read CareTeam", "GET", "CareTeam/{key}", v.careTeamId(), UUID.randomUUID().toString()),
                new Probe("read Device", "GET", "Device/{key}", v.deviceId(), UUID.randomUUID().toString()),
                new Probe("search Device", "GET", "Device?patient=Patient/{key}", person, absentPerson),
                new Probe("PIXm", "GET", "Patient/$ihe-pix?sourceIdentifier=" + system + "%7C{key}", v.localId(), absentLocal),
                new Probe("PDQm identifier", "GET", "Patient?identifier=" + system + "%7C{key}", v.localId(), absentLocal),
                new Probe("PDQm _id", "GET", "Patient?_id={key}", person, absentPerson));
    }

    /**
     * Hospital A's patient with an Observation, a Binary, a claim, a care team and an implanted device, in the given
     * consent state (never linked to the attacker).
     */
    private Victim victim(Facility hospital, State state) {
        IGenericClient own = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(own, hospital, localId, "ショウメイ");
        long personId = clients.personOf(hospital, localId);
        String observation = FhirRecords.create(own, FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2025-01-01", 6.1));
        RawApi ownRaw = new RawApi(port, clients.token(port, clients.register(hospital, "system/*.read", "system/*.write")));
        String binary = binary(ownRaw, hospital, localId);
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        String claim = FhirRecords.create(own, SyntheaLikeRecords.claim(subject, new Reference().setDisplay("証明病院"),
                "証明用請求"));
        String careTeam = FhirRecords.create(own, SyntheaLikeRecords.careTeam(subject, "証明用ケアチーム"));
        String device = FhirRecords.create(own, SyntheaLikeRecords.device(subject, "証明用ペースメーカ"));
        if (state == State.CONSENT_WITHOUT_LINK) {
            consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                    accounts.networkAdmin().id(), hospital.id());
        }
        return new Victim(personId, localId, observation, binary, claim, careTeam, device);
    }

    private static String binary(RawApi own, Facility hospital, String localId) {
        var response = own.binary("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId, "%PDF-1.4 紹介状");
        assertThat(response.statusCode()).isEqualTo(201);
        return response.headers().firstValue("Location").orElseThrow().split("/")[1];
    }

    /** A person id of the same length as {@code real} that no person has. */
    private String absentPersonLike(long real) {
        int digits = String.valueOf(real).length();
        while (true) {
            StringBuilder id = new StringBuilder().append(1 + ThreadLocalRandom.current().nextInt(9));
            while (id.length() < digits) {
                id.append(ThreadLocalRandom.current().nextInt(10));
            }
            if (identities.person(Long.parseLong(id.toString())).isEmpty()) {
                return id.toString();
            }
        }
    }

    record Victim(long personId, String localId, String observationId, String binaryId, String claimId,
                  String careTeamId, String deviceId) {
    }
}
