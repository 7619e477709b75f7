package org.musubi.security.internal.smart;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident connects a phone app to their own record through SMART App Launch's standalone patient launch, over real
 * HTTP and a real HAPI FHIR client: the operator registers the app; the app's authorization request sends the browser
 * to the notebook's login (password, then an authenticator code) and back to the consent page; approving gives the app
 * a code it exchanges with its PKCE verifier; the tokens read the resident's Patient, Observations and
 * {@code $everything}, each call one audit row naming the resident and the app; the refresh token rotates; the
 * resident disconnects the app on {@code /phr/apps} and its next call is refused.
 */
@MusubiIntegrationTest
class SmartLaunchIT extends NetworkFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    SmartLaunches launches;
    @Autowired
    Residents residents;

    @Test
    void aResidentConnectsAnAppThatReadsTheirOwnRecordUntilTheyDisconnectIt() throws Exception {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "アプリレンケイ");
        String observation = FhirRecords.create(patient.api(), FhirRecords.lab(patient.facility(), patient.localId(),
                FhirRecords.HBA1C, "2025-04-01", 5.9));
        Residents.Resident resident = residents.register(patient.personId());
        SmartLaunches.App app = launches.register(SmartLaunches.SCOPES);
        SmartLaunches.Pkce pkce = SmartLaunches.Pkce.fresh();
        long beforeLaunch = audit.max();

        String back = launches.approveAfterLogin(port, resident,
                SmartLaunches.request(port, app, SmartLaunches.SCOPES, "state-1234567890", pkce));

        assertThat(back).startsWith(SmartLaunches.REDIRECT + "?code=");
        assertThat(SmartLaunches.parameter(back, "state")).isEqualTo("state-1234567890");
        SmartLaunches.TokenAnswer tokens = SmartLaunches.exchange(port, app, SmartLaunches.parameter(back, "code"), pkce);
        assertThat(tokens.status()).as(tokens.json().toString()).isEqualTo(200);
        assertThat(tokens.text("token_type")).isEqualTo("Bearer");
        assertThat(tokens.text("patient")).isEqualTo(String.valueOf(patient.personId()));
        assertThat(tokens.json().path("expires_in").asLong()).isEqualTo(3600);
        assertThat(tokens.text("scope")).isEqualTo(SmartLaunches.SCOPES);
        assertThat(tokens.text("refresh_token")).startsWith("msr_");
        assertIdToken(tokens.text("id_token"), app, resident, patient.personId());
        assertThat(audit.rowsSince(beforeLaunch)).extracting(AuditRows.Row::action).containsSubsequence(
                "LOGIN_PASSWORD", "LOGIN_SECOND_FACTOR", "APP_AUTHORIZE", "API_TOKEN_ISSUE");

        IGenericClient api = clients.fhir(port, tokens.text("access_token"));
        long before = audit.max();
        Patient self = api.read().resource(Patient.class).withId(tokens.text("patient")).execute();
        assertThat(self.getIdElement().getIdPart()).isEqualTo(String.valueOf(patient.personId()));
        assertOneRowOfTheApp(before, app, resident, "READ");

        before = audit.max();
        Bundle found = api.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + patient.personId())).returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(observation);
        assertOneRowOfTheApp(before, app, resident, "SEARCH");

        before = audit.max();
        Bundle withoutPatient = api.search().forResource(Observation.class).returnBundle(Bundle.class).execute();
        assertThat(withoutPatient.getEntry()).as("a search without patient= reads the token's patient")
                .extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(observation);
        assertOneRowOfTheApp(before, app, resident, "SEARCH");

        before = audit.max();
        Bundle everything = api.operation().onInstance(new IdType("Patient", tokens.text("patient"))).named("$everything")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
        assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient", "Observation");
        assertOneRowOfTheApp(before, app, resident, "SEARCH");

        SmartLaunches.TokenAnswer refreshed = SmartLaunches.refresh(port, app, tokens.text("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.json().toString()).isEqualTo(200);
        assertThat(refreshed.text("refresh_token")).startsWith("msr_").isNotEqualTo(tokens.text("refresh_token"));
        assertThat(refreshed.text("access_token")).isNotEqualTo(tokens.text("access_token"));
        assertThat(refreshed.text("patient")).isEqualTo(tokens.text("patient"));
        SmartLaunches.TokenAnswer again = SmartLaunches.refresh(port, app, refreshed.text("refresh_token"));
        assertThat(again.status()).as("the new refresh token works once in its turn").isEqualTo(200);
        IGenericClient renewed = clients.fhir(port, again.text("access_token"));
        assertThat(renewed.read().resource(Observation.class).withId(observation).execute().getIdElement().getIdPart())
                .isEqualTo(observation);

        WebSession notebook = residents.logIn(port, resident);
        HttpResponse<String> page = notebook.get("/phr/apps");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("テスト用 健康アプリ").contains("data-client=\"" + app.clientId() + "\"")
                .doesNotContain("まだ使われていません");
        assertThat(notebook.get("/phr").body()).contains("href=\"/phr/apps\"");
        String grant = page.body().replaceFirst("(?s).*data-grant=\"(\\d+)\".*", "$1");
        // issue 67: one click asks first (the app named, what follows) and disconnects nothing
        String asked = WebSession.location(notebook.post("/phr/apps/" + grant + "/disconnect"));
        assertThat(asked).isEqualTo("/phr/apps?confirm=" + grant);
        assertThat(notebook.get(asked).body()).contains("<details class=\"confirm\" id=\"disconnect-" + grant + "\" open=\"open\">")
                .contains("「テスト用 健康アプリ」との連携を解除します。解除すると、このアプリはすぐにあなたの記録を読めなくなります。");
        before = audit.max();
        HttpResponse<String> disconnected = notebook.post("/phr/apps/" + grant + "/disconnect", "confirmed", "yes");
        assertThat(WebSession.location(disconnected)).isEqualTo("/phr/apps?disconnected");
        assertThat(audit.since(before, resident.account().loginId()))
                .containsExactly("APP_REVOKE PERMIT " + app.clientId() + " disconnected by the resident");
        assertThat(notebook.get("/phr/apps").body()).contains("id=\"no-apps\"");

        before = audit.max();
        for (String token : List.of(tokens.text("access_token"), again.text("access_token"))) {
            try {
                clients.fhir(port, token).read().resource(Observation.class).withId(observation).execute();
                throw new AssertionError("a disconnected app's token still reads");
            } catch (AuthenticationException expected) {
                assertThat(expected.getStatusCode()).isEqualTo(401);
            }
        }
        assertThat(audit.countSince(before)).as("one row per refused call").isEqualTo(2);
        assertThat(SmartLaunches.refresh(port, app, again.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aResidentWhoDeclinesSendsTheAppAccessDeniedAndNoCode() {
        Residents.Resident resident = residents.register(residents.patientAt(port, FacilityKind.CLINIC, "コトワル").personId());
        SmartLaunches.App app = launches.register(SmartLaunches.SCOPES);
        WebSession browser = residents.logIn(port, resident);
        HttpResponse<String> consent = browser.get("/oauth2/authorize?" + SmartLaunches.query(SmartLaunches.request(port,
                app, "patient/Observation.rs patient/Unknown.write user/*.read", "st-x", SmartLaunches.Pkce.fresh())));
        assertThat(consent.body()).contains("テスト用 健康アプリ").contains("data-type=\"Observation\"")
                .doesNotContain("data-type=\"Unknown\"");
        assertThat(consent.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' https://app.example.test;");
        long before = audit.max();

        String back = SmartLaunches.decide(browser, consent, "deny");

        assertThat(back).isEqualTo(SmartLaunches.REDIRECT + "?error=access_denied&error_description="
                + "the+resident+declined&state=st-x");
        assertThat(audit.since(before, resident.account().loginId())).singleElement().asString()
                .startsWith("APP_AUTHORIZE DENY access_denied");
    }

    @Test
    void theOperatorRegistersAnAppOnTheAdminPageAndResidentsCannotReachIt() {
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        HttpResponse<String> apps = operator.get("/admin/smart-apps");
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).as("the scopes an operator types stay as written: marked so, for readers and translators")
                .containsPattern("<input id=\"scopes\"[^>]* translate=\"no\"[^>]*value=\"[^\"]*offline_access");
        HttpResponse<String> refused = operator.post("/admin/smart-apps", "name", "悪いアプリ", "redirectUris", "http://evil.example/cb",
                "scopes", "patient/*.write");
        String page = operator.open(WebSession.location(refused)).body();
        assertThat(page).contains("data-field=\"redirectUris\"").contains("data-field=\"scopes\"")
                .doesNotContain("id=\"created-app\"");

        HttpResponse<String> created = operator.post("/admin/smart-apps", "name", "歩数ノート",
                "redirectUris", "https://steps.example.test/cb\ncom.example.steps:/oauth", "scopes",
                "launch/patient patient/Observation.read offline_access");
        page = operator.open(WebSession.location(created)).body();
        assertThat(page).contains("id=\"created-app\"").contains("歩数ノート").contains("com.example.steps:/oauth");

        // issue 67: stopping the app asks once (the app named, what follows); only the confirmed POST stops it
        long id = jdbc.sql("SELECT id FROM smart_app WHERE name = ? ORDER BY id DESC LIMIT 1").param("歩数ノート")
                .query(Long.class).single();
        String asked = WebSession.location(operator.post("/admin/smart-apps/" + id + "/stop"));
        assertThat(asked).isEqualTo("/admin/smart-apps?confirm=" + id);
        assertThat(operator.get(asked).body()).contains("<details class=\"confirm\" id=\"stop-" + id + "\" open=\"open\">")
                .contains("アプリ「歩数ノート」を停止します。停止すると、このアプリと連携している住民（0 人）の連携がすべて解除され");
        assertThat(jdbc.sql("SELECT active FROM smart_app WHERE id = ?").param(id).query(Boolean.class).single())
                .as("not stopped without the confirmation").isTrue();
        operator.post("/admin/smart-apps/" + id + "/stop", "confirmed", "yes");
        assertThat(jdbc.sql("SELECT active FROM smart_app WHERE id = ?").param(id).query(Boolean.class).single())
                .isFalse();

        Residents.Resident resident = residents.register(residents.patientAt(port, FacilityKind.CLINIC, "カンリガメン").personId());
        WebSession notebook = residents.logIn(port, resident);
        assertThat(notebook.get("/admin/smart-apps").statusCode()).isEqualTo(403);
    }

    @Test
    void discoveryNamesTheEndpointsWithoutAToken() throws Exception {
        String base = "http://localhost:" + port;
        for (String path : List.of("/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration")) {
            JsonNode config = getJson(base + path);
            assertThat(config.path("authorization_endpoint").asString()).isEqualTo(base + "/oauth2/authorize");
            assertThat(config.path("token_endpoint").asString()).isEqualTo(base + "/oauth2/token");
            assertThat(config.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
            assertThat(config.path("capabilities").toString()).contains("launch-standalone", "client-public",
                    "context-standalone-patient", "permission-offline", "sso-openid-connect");
        }
        assertThat(getJson(base + "/.well-known/openid-configuration").path("jwks_uri").asString())
                .isEqualTo(base + "/oauth2/jwks");
        CapabilityStatement metadata = clients.fhir(port, null).capabilities().ofType(CapabilityStatement.class).execute();
        var security = metadata.getRestFirstRep().getSecurity();
        assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
        var uris = security.getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        assertThat(uris.getExtensionByUrl("authorize").getValue().primitiveValue()).isEqualTo(base + "/oauth2/authorize");
        assertThat(uris.getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo(base + "/oauth2/token");
    }

    private void assertOneRowOfTheApp(long before, SmartLaunches.App app, Residents.Resident resident, String action) {
        List<AuditRows.Row> rows = audit.rowsSince(before);
        assertThat(rows).as("exactly one audit row per call").hasSize(1);
        assertThat(rows.getFirst().action()).isEqualTo(action);
        assertThat(rows.getFirst().outcome()).isEqualTo("PERMIT");
        assertThat(rows.getFirst().purpose()).isEqualTo("PATIENT_SELF_ACCESS");
        assertThat(audit.rows(before, app.clientId())).as("the row names the app as login id").hasSize(1);
        assertThat(audit.countByUser(before, resident.account().id())).as("and the resident as user").isEqualTo(1);
    }

    private void assertIdToken(String idToken, SmartLaunches.App app, Residents.Resident resident, long personId)
            throws Exception {
        String[] parts = idToken.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String base = "http://localhost:" + port;
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        assertThat(claims.path("iss").asString()).isEqualTo(base);
        assertThat(claims.path("aud").asString()).isEqualTo(app.clientId());
        assertThat(claims.path("sub").asString()).isEqualTo(String.valueOf(resident.account().id()));
        assertThat(claims.path("fhirUser").asString()).isEqualTo(base + "/fhir/Patient/" + personId);
        JsonNode key = null;
        for (JsonNode k : getJson(base + "/oauth2/jwks").path("keys")) {
            if (k.path("kid").asString().equals(header.path("kid").asString())) {
                key = k;
            }
        }
        assertThat(key).as("the id_token's key is published").isNotNull();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asString())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asString()))));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).as("the id_token's signature").isTrue();
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
