package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.emergency.Crews;
import org.musubi.fhirapi.person.IdentifierSystems;
import org.musubi.fhirapi.summary.SummaryProvider;
import org.musubi.identity.IdentityStore;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code Patient/$summary?identifier=system|value} tried as an attacker would: another hospital's system (no link)
 * asking by the regional ID, by the patient's hospital's own patient ID, by guessed identifiers and by a system nobody
 * declared; a linked hospital using another facility's patient-ID system to learn whom that facility treats, when the
 * person's consent does not cover that facility; a clerk declaring an emergency; a paramedic whose emergency access has
 * expired. Every refusal is one 404, byte for byte the same whatever the identifier (and the instance form's status and
 * issue), nothing of the person in it, and exactly one audit row.
 */
@MusubiIntegrationTest
class SummaryIdentifierAttackIT extends NetworkFixtures {

    static final String JSON = "application/fhir+json";
    @Autowired
    Crews crews;
    @Autowired
    IdentifierSystems systems;
    @Autowired
    IdentityStore identities;
    @Autowired
    PharmacyNotebooks notebooks;

    @Test
    void anotherHospitalsSystemGetsOne404ForTheRealPersonAGuessAndAnUnknownSystemWithOneAuditRowEach() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        ApiClientAdministration.NewApiClient system = clients.register(accounts.newHospital(), "system/*.read");
        FhirHttp http = new FhirHttp(port, clients.token(port, system));
        String client = system.client().clientId();
        String facilitySystem = FhirRecords.patientSystem(patient.facility());
        String regional = patient.person().regionalId();
        String nobody = Probe.absentPerson(id -> identities.person(id).isPresent());

        long before = audit.max();
        List<HttpResponse<String>> refused = List.of(
                byIdentifier(http, systems.regional() + "|" + regional),
                byIdentifier(http, facilitySystem + "|" + patient.localId()),
                http.send("POST", "Patient/$summary", JSON, JSON, parameters(systems.regional() + "|" + regional)));
        long between = audit.max();
        List<HttpResponse<String>> absent = List.of(
                byIdentifier(http, systems.regional() + "|" + regional.substring(0, regional.length() - 1)
                        + (regional.endsWith("0") ? "1" : "0")),
                byIdentifier(http, facilitySystem + "|N" + patient.localId().substring(1)),
                byIdentifier(http, "urn:example:nobody-declared-this|" + patient.localId()),
                http.send("POST", "Patient/$summary", JSON, JSON, parameters(facilitySystem + "|guessed-0001")));
        HttpResponse<String> instance = http.get("Patient/" + nobody + "/$summary", JSON);

        String body = absent.getFirst().body();
        for (HttpResponse<String> answer : concat(refused, absent)) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404).isEqualTo(instance.statusCode());
            assertThat(answer.body()).as("one body for every identifier").isEqualTo(body);
            assertThat(answer.body()).doesNotContain(patient.person().givenKana()).doesNotContain(regional)
                    .doesNotContain(patient.localId()).doesNotContain("ペニシリン").doesNotContain("policy.deny");
            assertThat(Answers.headerNames(answer)).isEqualTo(Answers.headerNames(instance));
        }
        assertThat(issue(body)).as("the instance form's issue").isEqualTo(issue(instance.body()));
        assertThat(audit.rows(before, client).subList(0, refused.size())).as("one row per refused call")
                .allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo("DENY");
                    assertThat(r.resourceType()).isEqualTo(SummaryProvider.AUDITED_AS);
                    assertThat(r.reason()).isEqualTo("policy.deny.notLinked");
                });
        assertThat(audit.since(between, client)).as("one row per absent identifier").hasSize(absent.size() + 1)
                .allSatisfy(r -> assertThat(r).startsWith("READ DENY "));
        assertThat(audit.rows(between, client)).allSatisfy(r ->
                assertThat(r.resourceType()).isEqualTo(SummaryProvider.AUDITED_AS));
    }

    @Test
    void aLinkedHospitalCannotLearnThroughAnotherFacilitysPatientIdsWhomThatFacilityTreats() {
        Residents.Patient patient = crews.patient(port, Set.of());
        Facility pharmacy = notebooks.pharmacy("識別子薬局" + System.nanoTime() % 10_000);
        notebooks.send(pharmacy, new PharmacyNotebooks.Holder("識別 子", "シキベツ コ", "2", "19500101"),
                new PharmacyNotebooks.Dispensed(LocalDate.now().minusDays(5).toString().replace("-", ""),
                        "ワーファリン錠1mg", "3332001F1041", 28, "中央病院", "1234567"));
        long admin = accounts.networkAdmin().id();
        notebooks.samePerson(pharmacy, patient.personId(), admin);
        consents.grant(patient.personId(), ConsentScope.ONE_FACILITY, pharmacy.id(), Set.of(Purpose.TREATMENT), admin,
                pharmacy.id());
        Facility hospital = accounts.newHospital();
        consents.link(patient.personId(), hospital.id(), admin);
        ApiClientAdministration.NewApiClient system = clients.register(hospital, "system/*.read");
        FhirHttp http = new FhirHttp(port, clients.token(port, system));
        String client = system.client().clientId();
        String hospitalSystem = FhirRecords.patientSystem(patient.facility());

        long before = audit.max();
        HttpResponse<String> byRegional = byIdentifier(http, systems.regional() + "|" + patient.person().regionalId());
        long between = audit.max();
        HttpResponse<String> byOthersId = byIdentifier(http, hospitalSystem + "|" + patient.localId());
        long after = audit.max();
        HttpResponse<String> guessed = byIdentifier(http, hospitalSystem + "|N" + patient.localId().substring(1));

        assertThat(byRegional.statusCode()).as("the person the consent lets it see").isEqualTo(200);
        assertThat(byRegional.body()).as("not the other facility's patient ID").doesNotContain(patient.localId())
                .doesNotContain("ペニシリン");
        assertThat(audit.since(before, client).subList(0, 1)).containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
        assertThat(byOthersId.statusCode()).isEqualTo(404);
        assertThat(byOthersId.body()).as("the same as a guess").isEqualTo(guessed.body());
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(audit.since(between, client).subList(0, 1)).as("one row, the item's own reason")
                .containsExactly("READ DENY policy.deny.consentScopeExcludesSource");
        assertThat(audit.since(after, client)).containsExactly("READ DENY record.notFound");
    }

    @Test
    void aClerkDeclaringAnEmergencyAndAParamedicWhoseAccessExpiredOpenNothing() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        String identifier = systems.regional() + "|" + patient.person().regionalId();
        Facility hospital = accounts.newHospital();
        consents.link(patient.personId(), hospital.id(), accounts.networkAdmin().id());
        User clerk = accounts.memberOf(hospital, Profession.MEDICAL_CLERK);
        WebSession clerks = accounts.signedIn(port, clerk);
        User paramedic = crews.paramedic();
        WebSession crew = accounts.signedIn(port, paramedic);
        Crews.open(crew, patient);
        assertThat(emergency(crew, identifier).statusCode()).as("while open").isEqualTo(200);
        jdbc.sql("UPDATE emergency_access SET expires_at = now() - interval '1 second' WHERE person_id = ?")
                .param(patient.personId()).update();

        long before = audit.max();
        HttpResponse<String> clerkAnswer = emergency(clerks, identifier);
        HttpResponse<String> expired = emergency(crew, identifier);
        HttpResponse<String> nobody = emergency(crew, systems.regional() + "|guessed-regional-id");

        for (HttpResponse<String> answer : List.of(clerkAnswer, expired)) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo(nobody.body()).doesNotContain(patient.person().givenKana());
        }
        assertThat(audit.rows(before, clerk.loginId())).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("DENY");
            assertThat(r.purpose()).isEqualTo("EMERGENCY");
            assertThat(r.resourceType()).isEqualTo(SummaryProvider.AUDITED_AS);
        });
        assertThat(audit.since(before, paramedic.loginId())).containsExactly(
                "READ DENY policy.deny.emergencyAccessExpired", "READ DENY record.notFound");
    }

    private static HttpResponse<String> byIdentifier(FhirHttp http, String identifier) {
        return http.get("Patient/$summary?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8), JSON);
    }

    private static HttpResponse<String> emergency(WebSession web, String identifier) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/fhir/Patient/$summary?identifier="
                + URLEncoder.encode(identifier, StandardCharsets.UTF_8))).header("Accept", JSON)
                .header("X-Purpose-Of-Use", "ETREAT").GET());
    }

    private static String parameters(String identifier) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"identifier\",\"valueString\":\""
                + identifier + "\"}]}";
    }

    /** The OperationOutcome's issue severity and code, without its text. */
    private static String issue(String body) {
        return body.replaceAll("(?s).*\"severity\"\\s*:\\s*\"(\\w+)\".*\"code\"\\s*:\\s*\"([\\w-]+)\".*", "$1 $2");
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
