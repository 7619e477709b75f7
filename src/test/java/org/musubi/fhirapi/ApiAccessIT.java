package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.FacilityKind;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** The OAuth2 client-credentials token endpoint and bearer-token access to /fhir. */
@MusubiIntegrationTest
class ApiAccessIT extends NetworkFixtures {

    @Autowired
    ApiClientAdministration administration;

    @Test
    void aRegisteredClientGetsABearerTokenWithBasicOrBodyAuthentication() throws Exception {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL),
                "system/*.read", "system/*.write");
        String basic = Base64.getEncoder().encodeToString((client.client().clientId() + ":"
                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        long before = audit.max();

        HttpResponse<String> viaBasic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=system/*.read")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> viaBody = clients.tokenResponse(port, form(client, ""));

        assertThat(viaBasic.statusCode()).isEqualTo(200);
        assertThat(viaBasic.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(viaBasic.body()).contains("\"token_type\":\"Bearer\"").contains("\"expires_in\":3600")
                .contains("\"scope\":\"system/*.read\"");
        assertThat(viaBody.body()).contains("\"scope\":\"system/*.read system/*.write\"");
        assertThat(audit.since(before, client.client().clientId())).containsExactly(
                "API_TOKEN_ISSUE PERMIT [system/*.read]", "API_TOKEN_ISSUE PERMIT [system/*.read, system/*.write]");
    }

    @Test
    void theTokenEndpointRefusesWrongSecretsGrantsAndScopes() {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.CLINIC),
                "system/Patient.read");

        HttpResponse<String> wrongSecret = clients.tokenResponse(port, "grant_type=client_credentials&client_id="
                + client.client().clientId() + "&client_secret=wrong");
        HttpResponse<String> password = clients.tokenResponse(port, "grant_type=password&username=x&password=y");
        HttpResponse<String> wider = clients.tokenResponse(port, form(client, "&scope=system/*.read"));
        HttpResponse<String> nonsense = clients.tokenResponse(port, form(client, "&scope=user/*.*"));

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("\"error\":\"invalid_client\"");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unsupported_grant_type");
        assertThat(wider.statusCode()).isEqualTo(400);
        assertThat(wider.body()).contains("invalid_scope");
        assertThat(nonsense.body()).contains("invalid_scope");
    }

    @Test
    void theApiNeedsAValidTokenButTheCapabilityStatementIsPublic() {
        IGenericClient anonymous = clients.fhir(port, null);
        IGenericClient forged = clients.fhir(port, "msb_forged-token-value");

        CapabilityStatement capability = anonymous.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(capability.getRestFirstRep().getResource()).anySatisfy(r -> {
            assertThat(r.getType()).isEqualTo("Patient");
            assertThat(r.getOperation()).extracting(o -> o.getName()).contains("ihe-pix", "match");
            assertThat(r.getSearchParam()).extracting(p -> p.getName()).contains("identifier", "family", "birthdate");
        });
        assertThatThrownBy(() -> anonymous.read().resource(Patient.class).withId("1").execute())
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> forged.read().resource(Patient.class).withId("1").execute())
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenWithoutPatientReadScopeIsRefusedAndAudited() {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL),
                "system/*.write");
        IGenericClient fhir = clients.fhir(port, clients.token(port, client));
        long before = audit.max();

        assertThatThrownBy(() -> fhir.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
                .systemAndCode("urn:musubi:regional-id", "1")).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("scope");
        assertThat(audit.since(before, client.client().clientId())).containsExactly(
                "ACCESS_DENIED DENY scope [system/*.write] does not allow read");
    }

    @Test
    void aDisabledClientsTokenStopsWorkingAtOnce() {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL),
                "system/Patient.read");
        String token = clients.token(port, client);
        IGenericClient fhir = clients.fhir(port, token);
        Bundle before = fhir.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
                .systemAndCode("urn:musubi:regional-id", "0000000000000000")).returnBundle(Bundle.class).execute();

        administration.revoke(new Administrator(accounts.networkAdmin().id(), true, Set.of()), client.client().clientId());

        assertThat(before.getEntry()).isEmpty();
        assertThatThrownBy(() -> fhir.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
                .systemAndCode("urn:musubi:regional-id", "0000000000000000")).returnBundle(Bundle.class).execute())
                .isInstanceOf(AuthenticationException.class);
        assertThat(clients.tokenResponse(port, form(client, "")).statusCode()).isEqualTo(401);
    }

    static String form(ApiClientAdministration.NewApiClient client, String extra) {
        return "grant_type=client_credentials&client_id=" + client.client().clientId() + "&client_secret="
                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8) + extra;
    }
}
