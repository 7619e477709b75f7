package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.emergency.Crews;
import org.musubi.fhirapi.summary.SummaryProvider;
import org.musubi.identity.IdentityStore;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code Patient/<id>/$summary} tried as an attacker would: another hospital's system (no link, no emergency access),
 * guessed ids (a number nobody has, a word), a paramedic whose emergency access has expired, a token whose scopes do
 * not read every type. Each person the caller may not see answers exactly like one that does not exist (404, the same
 * text but for the id asked), nothing of the person in the answer, and exactly one audit row.
 */
@MusubiIntegrationTest
class SummaryAttackIT extends NetworkFixtures {

    static final String JSON = "application/fhir+json";
    @Autowired
    Crews crews;
    @Autowired
    IdentityStore identities;

    @Test
    void anotherHospitalsSystemAndGuessedIdsGetTheSame404AndOneAuditRowEach() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        Facility stranger = accounts.newHospital();
        ApiClientAdministration.NewApiClient system = clients.register(stranger, "system/*.read");
        FhirHttp http = new FhirHttp(port, clients.token(port, system));
        String client = system.client().clientId();
        String nobody = Probe.absentPerson(id -> identities.person(id).isPresent());

        long before = audit.max();
        HttpResponse<String> refused = http.get("Patient/" + patient.personId() + "/$summary", JSON);
        HttpResponse<String> refusedPost = http.send("POST", "Patient/" + patient.personId() + "/$summary", JSON, JSON,
                "{\"resourceType\":\"Parameters\"}");
        HttpResponse<String> unknown = http.get("Patient/" + nobody + "/$summary", JSON);
        HttpResponse<String> word = http.get("Patient/yamada/$summary", JSON);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refusedPost.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(word.statusCode()).isEqualTo(404);
        assertThat(refused.body().replace(String.valueOf(patient.personId()), "X"))
                .isEqualTo(unknown.body().replace(nobody, "X"))
                .isEqualTo(refusedPost.body().replace(String.valueOf(patient.personId()), "X"));
        for (HttpResponse<String> answer : List.of(refused, refusedPost)) {
            assertThat(answer.body()).doesNotContain(patient.person().givenKana()).doesNotContain("ペニシリン")
                    .doesNotContain("Composition");
        }
        assertThat(audit.rows(before, client)).hasSize(4).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo("DENY");
            assertThat(r.resourceType()).isEqualTo(SummaryProvider.AUDITED_AS);
        });
        assertThat(audit.since(before, client)).containsExactly("READ DENY policy.deny.notLinked",
                "READ DENY policy.deny.notLinked", "READ DENY policy.deny.unknownPerson", "READ DENY record.notFound");
    }

    @Test
    void aParamedicsExpiredEmergencyAccessOpensNothing() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        User paramedic = crews.paramedic();
        WebSession web = accounts.signedIn(port, paramedic);
        Crews.open(web, patient);
        assertThat(summary(web, patient.personId()).statusCode()).as("while open").isEqualTo(200);
        jdbc.sql("UPDATE emergency_access SET expires_at = now() - interval '1 second' WHERE person_id = ?")
                .param(patient.personId()).update();

        long before = audit.max();
        HttpResponse<String> after = summary(web, patient.personId());

        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).doesNotContain(patient.person().givenKana()).doesNotContain("policy.deny");
        assertThat(audit.since(before, paramedic.loginId()))
                .containsExactly("READ DENY policy.deny.emergencyAccessExpired");
    }

    @Test
    void aTokenThatDoesNotReadEveryTypeIsRefusedTheDocumentBeforeAnyPerson() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT));
        ApiClientAdministration.NewApiClient own = clients.register(patient.facility(), "system/Patient.read",
                "system/AllergyIntolerance.read", "system/Bundle.read");
        FhirHttp http = new FhirHttp(port, clients.token(port, own));

        long before = audit.max();
        HttpResponse<String> answer = http.get("Patient/" + patient.personId() + "/$summary", JSON);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain(patient.person().givenKana());
        assertThat(audit.since(before, own.client().clientId())).singleElement().satisfies(r ->
                assertThat(r).startsWith("ACCESS_DENIED DENY scope"));
    }

    private static HttpResponse<String> summary(WebSession web, long personId) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/fhir/Patient/" + personId + "/$summary"))
                .header("Accept", JSON).header("X-Purpose-Of-Use", "ETREAT").GET());
    }
}
