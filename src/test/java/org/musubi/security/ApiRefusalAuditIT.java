package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Users;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refusals on the API's way in leave their audit row: a bearer token that is unknown, expired or
 * whose client was disabled (401), every refused token request, and the moment the token endpoint
 * starts refusing an address that failed too often (429). No row holds a token or a secret.
 */
@MusubiIntegrationTest
class ApiRefusalAuditIT extends NetworkFixtures {

    private static final int LIMIT = 40;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    ApiClientAdministration administration;
    @Autowired
    Users users;

    @Test
    void anUnknownBearerTokenIsRefusedAndAuditedOnceWithoutTheToken() throws Exception {
        String address = "192.0.2.71";
        String forged = "msb_forged-" + System.nanoTime();
        long before = audit.max();

        HttpResponse<String> refused = fhir(address, forged);
        HttpResponse<String> notOurs = fhir(address, "eyJhbGciOiJub25lIn0.e30.");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(notOurs.statusCode()).isEqualTo(401);
        assertThat(fromAddress(before, address)).containsExactly("API_TOKEN_USE DENY invalid_token: unknown or expired",
                "API_TOKEN_USE DENY invalid_token: unknown or expired");
        assertThat(rowsHolding(before, forged)).isZero();
    }

    @Test
    void aDisabledClientsTokenIsRefusedAndAuditedUnderThatClient() throws Exception {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL),
                "system/*.read");
        String token = clients.token(port, client);
        accounts.disable(users.find(client.client().userId()).orElseThrow());
        long before = audit.max();

        HttpResponse<String> refused = fhir("192.0.2.72", token);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(audit.since(before, client.client().clientId()))
                .containsExactly("API_TOKEN_USE DENY invalid_token: client disabled or its facility suspended");
        assertThat(rowsHolding(before, token)).isZero();
    }

    @Test
    void aRevokedClientsTokenIsGoneAndAuditedAsUnknown() throws Exception {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL),
                "system/*.read");
        String token = clients.token(port, client);
        administration.revoke(new Administrator(accounts.networkAdmin().id(), true, Set.of()), client.client().clientId());
        long before = audit.max();

        HttpResponse<String> refused = fhir("192.0.2.74", token);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(fromAddress(before, "192.0.2.74")).containsExactly("API_TOKEN_USE DENY invalid_token: unknown or expired");
        assertThat(rowsHolding(before, token)).isZero();
    }

    @Test
    void everyRefusedTokenRequestLeavesOneAuditRowWithoutTheSecret() throws Exception {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.CLINIC),
                "system/Patient.read");
        String id = client.client().clientId();
        String secret = URLEncoder.encode(client.secret(), StandardCharsets.UTF_8);
        String address = "192.0.2.73";
        long before = audit.max();

        HttpResponse<String> password = token(address, "grant_type=password&client_id=" + id + "&client_secret=" + secret);
        HttpResponse<String> nonsense = token(address, "grant_type=client_credentials&client_id=" + id + "&client_secret="
                + secret + "&scope=user/*.*");
        HttpResponse<String> wrong = token(address, "grant_type=client_credentials&client_id=" + id
                + "&client_secret=wrong-secret-" + before);

        assertThat(List.of(password.statusCode(), nonsense.statusCode(), wrong.statusCode())).containsExactly(400, 400, 401);
        assertThat(audit.since(before, id)).containsExactly("API_TOKEN_ISSUE DENY unsupported_grant_type password",
                "API_TOKEN_ISSUE DENY invalid_scope user/*.*", "API_TOKEN_ISSUE DENY invalid_client");
        assertThat(rowsHolding(before, client.secret())).isZero();
        assertThat(rowsHolding(before, "wrong-secret-" + before)).isZero();
    }

    @Test
    void theTokenEndpointRefusesAnAddressThatFailedTooOftenAndAuditsThatMomentOnce() throws Exception {
        String address = "203.0.113.77";
        long before = audit.max();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(token(address, "grant_type=client_credentials&client_id=guess-" + i + "&client_secret=x").statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> throttled = token(address, "grant_type=client_credentials&client_id=guess&client_secret=x");
        HttpResponse<String> again = token(address, "grant_type=client_credentials&client_id=guess&client_secret=x");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(fromAddress(before, address)).filteredOn(row -> row.startsWith("LOGIN_THROTTLED")).hasSize(1);
        assertThat(fromAddress(before, address)).filteredOn(row -> row.startsWith("API_TOKEN_ISSUE DENY")).hasSize(LIMIT);
    }

    private HttpResponse<String> fhir(String address, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/1"))
                .header("X-Forwarded-For", address).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String address, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> fromAddress(long afterSeq, String address) {
        return jdbc.sql("SELECT action || ' ' || outcome || coalesce(' ' || reason, '') FROM audit_event"
                + " WHERE seq > ? AND client_ip = ? ORDER BY seq").params(afterSeq, address).query(String.class).list();
    }

    /** How many rows written after {@code afterSeq} hold this text in any field. */
    private long rowsHolding(long afterSeq, String text) {
        return jdbc.sql("SELECT count(*) FROM audit_event a WHERE seq > ? AND strpos(row_to_json(a)::text, ?) > 0")
                .params(afterSeq, text).query(Long.class).single();
    }
}
