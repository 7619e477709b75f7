package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.InvalidRegistration;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.Jwts;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** SMART Backend Services: a facility system gets a token with a JWT signed by its own private key. */
@MusubiIntegrationTest
class SmartBackendServicesIT extends NetworkFixtures {

    @Autowired
    ApiClientAdministration administration;

    @Test
    void aSignedAssertionGetsATokenOnceAndAReplayOrForeignKeyIsRefused() {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL),
                "system/Patient.read");
        KeyPair key = Jwts.ecP384();
        Administrator operator = new Administrator(accounts.networkAdmin().id(), true, Set.of());
        administration.setPublicKeys(operator, client.client().clientId(), Jwts.jwks(key, "ehr-2026"));
        String audience = "http://localhost:" + port + "/oauth2/token";
        String assertion = Jwts.assertion(key, "ehr-2026", client.client().clientId(), audience, 240, null);
        long before = audit.max();

        HttpResponse<String> granted = clients.tokenResponse(port, form(assertion));
        HttpResponse<String> replayed = clients.tokenResponse(port, form(assertion));
        HttpResponse<String> foreign = clients.tokenResponse(port,
                form(Jwts.assertion(Jwts.ecP384(), "ehr-2026", client.client().clientId(), audience, 240, null)));

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).contains("\"scope\":\"system/Patient.read\"");
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(audit.since(before, client.client().clientId())).hasSize(3).first().asString()
                .startsWith("API_TOKEN_ISSUE PERMIT");
        assertThatThrownBy(() -> administration.setPublicKeys(operator, client.client().clientId(), "{\"keys\":[]}"))
                .isInstanceOf(InvalidRegistration.class);
    }

    private static String form(String assertion) {
        return "grant_type=client_credentials&scope=system/Patient.read"
                + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                StandardCharsets.UTF_8) + "&client_assertion=" + assertion;
    }
}
