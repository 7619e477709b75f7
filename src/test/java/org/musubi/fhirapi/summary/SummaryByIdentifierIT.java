package org.musubi.fhirapi.summary;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.emergency.Crews;
import org.musubi.fhirapi.person.IdentifierSystems;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.Validators;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The IPS type-level form {@code Patient/$summary?identifier=system|value} with a real HAPI client: by the regional ID
 * and by the facility's own patient ID (as the facility registered it), GET and POST (a Parameters resource carrying
 * {@code identifier}), the same document as the instance form, one audit row per call with the purpose the caller
 * declared (EMERGENCY for a paramedic under an open emergency access); no identifier, or one without its system or
 * value: 400 naming the parameter, Japanese first, no patient read.
 */
@MusubiIntegrationTest
class SummaryByIdentifierIT extends NetworkFixtures {

    static final String JSON = "application/fhir+json";
    @Autowired
    Crews crews;
    @Autowired
    IdentifierSystems systems;

    @Test
    void aLinkedHospitalsSystemGetsTheSameDocumentByRegionalIdAndByTheFacilitysPatientIdGetAndPost() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT));
        Facility hospital = accounts.newHospital();
        consents.link(patient.personId(), hospital.id(), accounts.networkAdmin().id());
        ApiClientAdministration.NewApiClient system = clients.register(hospital, "system/*.read");
        IGenericClient api = clients.fhir(port, clients.token(port, system));
        String client = system.client().clientId();
        String regional = systems.regional() + "|" + patient.person().regionalId();
        String facilitys = FhirRecords.patientSystem(patient.facility()) + "|" + patient.localId();
        Bundle instance = api.operation().onInstance(new IdType("Patient", patient.personId())).named("$summary")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();

        for (String identifier : List.of(regional, facilitys)) {
            for (boolean get : List.of(true, false)) {
                long before = audit.max();
                var call = api.operation().onType(Patient.class).named("$summary")
                        .withParameter(Parameters.class, "identifier", new StringType(identifier))
                        .returnResourceType(Bundle.class);
                Bundle document = get ? call.useHttpGet().execute() : call.execute();

                String as = identifier + (get ? " GET" : " POST");
                List<AuditRows.Row> rows = audit.rows(before, client);
                assertThat(rows).as(as + ": exactly one audit record").singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("READ");
                    assertThat(r.outcome()).isEqualTo("PERMIT");
                    assertThat(r.purpose()).isEqualTo("TREATMENT");
                    assertThat(r.resourceType()).isEqualTo(SummaryProvider.AUDITED_AS);
                    assertThat(r.patientId()).isEqualTo(patient.person().regionalId());
                });
                assertThat(document.getType()).as(as).isEqualTo(Bundle.BundleType.DOCUMENT);
                assertThat(sameContent(document)).as(as + ": the instance form's document").isEqualTo(sameContent(instance));
                Composition composition = (Composition) document.getEntryFirstRep().getResource();
                assertThat(composition.getSubject().getReference()).isEqualTo("Patient/" + patient.personId());
                assertThat(composition.getSection()).extracting(s -> s.getCode().getCodingFirstRep().getCode())
                        .containsExactly("48765-2", "10160-0", "11450-4", "8716-3", "30954-2");
                assertThat(Validators.shared().check(document)).as(as + ": base R4").isEmpty();
            }
        }
    }

    @Test
    void aParamedicUnderAnOpenEmergencyAccessFetchesByRegionalIdWithPurposeEmergency() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        User paramedic = crews.paramedic();
        WebSession web = accounts.signedIn(port, paramedic);
        Crews.open(web, patient);

        long before = audit.max();
        HttpResponse<String> answer = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/fhir/Patient/$summary"
                        + "?identifier=" + encode(systems.regional() + "|" + patient.person().regionalId())))
                .header("Accept", JSON).header("X-Purpose-Of-Use", "ETREAT").GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(audit.rows(before, paramedic.loginId())).singleElement().satisfies(r -> {
            assertThat(r.purpose()).isEqualTo("EMERGENCY");
            assertThat(r.outcome()).isEqualTo("PERMIT");
            assertThat(r.resourceType()).isEqualTo(SummaryProvider.AUDITED_AS);
            assertThat(r.patientId()).isEqualTo(patient.person().regionalId());
        });
        Bundle document = clients.context().newJsonParser().parseResource(Bundle.class, answer.body());
        assertThat(((Composition) document.getEntryFirstRep().getResource()).getSection()).isNotEmpty();
        assertThat(answer.body()).contains("ペニシリン系抗菌薬");
    }

    @Test
    void noIdentifierOrOneWithoutItsSystemOrValueIsA400NamingTheParameterAndReadsNoOne() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT));
        ApiClientAdministration.NewApiClient system = clients.register(patient.facility(), "system/*.read");
        FhirHttp http = new FhirHttp(port, clients.token(port, system));
        String value = patient.localId();

        long before = audit.max();
        List<HttpResponse<String>> answers = List.of(
                http.get("Patient/$summary", JSON),
                http.send("POST", "Patient/$summary", JSON, JSON, "{\"resourceType\":\"Parameters\"}"),
                http.get("Patient/$summary?identifier=" + value, JSON),
                http.get("Patient/$summary?identifier=%7C" + value, JSON),
                http.get("Patient/$summary?identifier=" + encode(FhirRecords.patientSystem(patient.facility()) + "|"), JSON),
                http.send("POST", "Patient/$summary", JSON, JSON, "{\"resourceType\":\"Parameters\",\"parameter\":[{"
                        + "\"name\":\"identifier\",\"valueString\":\"" + value + "\"}]}"));

        HttpResponse<String> identifierType = http.send("POST", "Patient/$summary", JSON, JSON, "{\"resourceType\":"
                + "\"Parameters\",\"parameter\":[{\"name\":\"identifier\",\"valueIdentifier\":{\"system\":\""
                + systems.regional() + "\",\"value\":\"" + patient.person().regionalId() + "\"}}]}");

        assertThat(identifierType.statusCode()).as("IPS 1.1's Identifier: the sender's mistake, not a fault").isEqualTo(400);
        assertThat(identifierType.body()).doesNotContain(patient.person().givenKana());
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(400);
            assertThat(answer.body()).contains("OperationOutcome").contains("identifier").doesNotContain(value)
                    .doesNotContain(patient.person().givenKana());
            assertThat(answer.body()).as("Japanese first, then English").containsPattern("[\\u3040-\\u30ff] / [A-Z]");
        }
        assertThat(answers.getFirst().body()).contains("が必要です").contains("needs the identifier parameter");
        assertThat(answers.get(2).body()).contains("system|value の形で").contains("both a system and a value");
        assertThat(audit.since(before, system.client().clientId())).as("no patient read, nothing audited").isEmpty();
    }

    /** The document without what each answer makes fresh: the entries' full URLs less the Composition's and Device's. */
    private static List<String> sameContent(Bundle document) {
        return document.getEntry().stream().filter(e -> !e.getResource().fhirType().equals("Composition")
                && !e.getResource().fhirType().equals("Device")).map(Bundle.BundleEntryComponent::getFullUrl).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
