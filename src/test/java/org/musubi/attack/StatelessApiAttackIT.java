package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding 5 (bearer calls opened server sessions whose cookie kept reading and writing after the client was
 * re-keyed): the API is stateless. A bearer call sets no cookie; a cookie sent with a token counts for nothing;
 * a browser session reads only; once re-keyed, nothing the client held before works.
 */
@MusubiIntegrationTest
class StatelessApiAttackIT extends NetworkFixtures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ApiClientAdministration administration;

    @Test
    void aBearerCallNeverSetsASessionCookie() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        RawApi api = new RawApi(port, clients.token(port, clients.register(hospital, "system/*.read", "system/*.write")));
        String localId = FhirRecords.localId();
        String patient = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + FhirRecords.patientSystem(hospital)
                + "\",\"value\":\"" + localId + "\"}],\"name\":[{\"family\":\"ムジョウタイ\",\"given\":[\"" + FhirRecords.uniqueKana()
                + "\"]}],\"gender\":\"female\",\"birthDate\":\"1961-02-03\"}";

        for (HttpResponse<String> response : List.of(api.get("metadata"), api.post("Patient", patient),
                api.get("Patient/$ihe-pix?sourceIdentifier=" + FhirRecords.patientSystem(hospital) + "%7C" + localId),
                api.get("Observation/no-such-id"), new RawApi(port, "not-a-token").get("Patient/1"))) {
            assertThat(response.headers().allValues("Set-Cookie")).as(response.request().method() + " "
                    + response.request().uri()).isEmpty();
        }
    }

    @Test
    void aReKeyedClientKeepsNothingAndACookieBesideATokenCountsForNothing() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, client);
        HttpResponse<String> before = call("GET", "Observation?patient=Patient/1", token, null);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        String cookie = "MUSUBI_SESSION=" + doctor.cookie("MUSUBI_SESSION");

        administration.newSecret(new Administrator(accounts.networkAdmin().id(), true, Set.of()), client.client().clientId());
        HttpResponse<String> oldToken = call("GET", "Observation?patient=Patient/1", token, null);
        HttpResponse<String> oldTokenWithCookie = call("GET", "Observation?patient=Patient/1", token, cookie);
        HttpResponse<String> cookieWrite = call("POST", "Observation", null, cookie);

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(oldToken.statusCode()).isEqualTo(401);
        assertThat(oldTokenWithCookie.statusCode()).as("the token decides, not the cookie beside it").isEqualTo(401);
        assertThat(cookieWrite.statusCode()).as("a browser session only reads").isIn(401, 403);
    }

    private HttpResponse<String> call(String method, String path, String token, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (method.equals("POST")) {
            request.header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Observation\",\"status\":\"final\"}"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
