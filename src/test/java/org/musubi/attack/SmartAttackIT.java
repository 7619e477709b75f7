package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.consent.ChangedBy;
import org.musubi.consent.GrantProxy;
import org.musubi.identity.IdentityStore;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.security.internal.smart.SmartLaunches;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Residents' apps (SMART App Launch) tried as an attacker would: a code without its PKCE verifier, with a wrong one,
 * a {@code plain} challenge, a replayed code, a code taken to another app or another redirect URI, an unregistered
 * redirect URI (never redirected to); resident A's app token asking for resident B's record by id, by search and by
 * {@code $everything} — B being someone A is a live proxy for, or a stranger — answered exactly like ids nothing has;
 * writes, the identity transactions, the audit trail and the operators' screens refused; an expired access token, a
 * reused refresh token (which revokes the whole grant) and a stopped app refused. Every request to the API leaves
 * exactly one audit row.
 */
@MusubiIntegrationTest
class SmartAttackIT extends NetworkFixtures {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    SmartLaunches launches;
    @Autowired
    Residents residents;
    @Autowired
    GrantProxy proxies;
    @Autowired
    IdentityStore identities;

    private SmartLaunches.App app;
    private Residents.Patient patientA;
    private Residents.Resident residentA;
    private WebSession browserA;

    @BeforeEach
    void residentAWithAnApp() {
        app = launches.register(SmartLaunches.SCOPES);
        patientA = residents.patientAt(port, FacilityKind.HOSPITAL, "アプリノヒト");
        residentA = residents.register(patientA.personId());
        browserA = residents.logIn(port, residentA);
    }

    @Test
    void aCodeIsGivenOnlyForAnS256ChallengeAndTradedOnlyOnceWithItsVerifierByItsAppAndRedirectUri() {
        for (Map.Entry<String, String> broken : Map.of("code_challenge_method", "plain", "code_challenge", "",
                "response_type", "token").entrySet()) {
            Map<String, String> params = SmartLaunches.request(port, app, SmartLaunches.SCOPES, "st",
                    SmartLaunches.Pkce.fresh());
            params.put(broken.getKey(), broken.getValue());
            long before = audit.max();
            HttpResponse<String> answer = browserA.get("/oauth2/authorize?" + SmartLaunches.query(params));
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertThat(location).as(broken.toString()).startsWith(SmartLaunches.REDIRECT + "?error=")
                    .doesNotContain("code=");
            assertThat(SmartLaunches.parameter(location, "error")).isIn("invalid_request", "unsupported_response_type");
            assertThat(audit.countSince(before)).as(broken + ": one audit row").isEqualTo(1);
        }
        Map<String, String> noMethod = SmartLaunches.request(port, app, SmartLaunches.SCOPES, "st", SmartLaunches.Pkce.fresh());
        noMethod.remove("code_challenge_method");
        assertThat(SmartLaunches.parameter(browserA.get("/oauth2/authorize?" + SmartLaunches.query(noMethod))
                .headers().firstValue("Location").orElseThrow(), "error")).isEqualTo("invalid_request");

        SmartLaunches.App other = launches.register(SmartLaunches.SCOPES);
        List<String[]> refusals = List.of(
                new String[] {"missing verifier", "verifier", null},
                new String[] {"wrong verifier", "verifier", SmartLaunches.Pkce.fresh().verifier()},
                new String[] {"the challenge as verifier (plain)", "challenge", null},
                new String[] {"another app", "client", other.clientId()},
                new String[] {"another redirect URI", "redirect", "https://app.example.test/other"});
        for (String[] refusal : refusals) {
            SmartLaunches.Pkce pkce = SmartLaunches.Pkce.fresh();
            String code = code(pkce);
            String verifier = switch (refusal[1]) {
                case "verifier" -> refusal[2];
                case "challenge" -> pkce.challenge();
                default -> pkce.verifier();
            };
            long before = audit.max();
            SmartLaunches.TokenAnswer answer = SmartLaunches.token(port, "grant_type", "authorization_code", "code", code,
                    "redirect_uri", refusal[1].equals("redirect") ? refusal[2] : SmartLaunches.REDIRECT,
                    "client_id", refusal[1].equals("client") ? refusal[2] : app.clientId(), "code_verifier", verifier);
            assertThat(answer.status()).as(refusal[0]).isEqualTo(400);
            assertThat(answer.text("error")).as(refusal[0]).isEqualTo("invalid_grant");
            assertThat(answer.text("access_token")).isNull();
            assertThat(audit.countSince(before)).as(refusal[0] + ": one audit row").isEqualTo(1);

            before = audit.max();
            SmartLaunches.TokenAnswer afterwards = SmartLaunches.exchange(port, app, code, pkce);
            assertThat(afterwards.text("error")).as(refusal[0] + ", then the right request: the code was used")
                    .isEqualTo("invalid_grant");
            assertThat(audit.countSince(before)).as("one audit row").isEqualTo(1);
        }
    }

    @Test
    void aReplayedCodeRevokesWhatItGave() {
        SmartLaunches.Pkce pkce = SmartLaunches.Pkce.fresh();
        String code = code(pkce);
        SmartLaunches.TokenAnswer first = SmartLaunches.exchange(port, app, code, pkce);
        assertThat(first.status()).isEqualTo(200);
        RawApi api = new RawApi(port, first.text("access_token"));
        assertThat(api.get("Patient/" + patientA.personId()).statusCode()).isEqualTo(200);

        long before = audit.max();
        SmartLaunches.TokenAnswer replay = SmartLaunches.exchange(port, app, code, pkce);

        assertThat(replay.text("error")).isEqualTo("invalid_grant");
        assertThat(audit.rowsSince(before)).extracting(AuditRows.Row::action).containsExactly("APP_REVOKE");
        assertThat(api.get("Patient/" + patientA.personId()).statusCode()).isEqualTo(401);
        assertThat(SmartLaunches.refresh(port, app, first.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void anUnknownAppOrAnUnregisteredRedirectUriIsToldOnMusubisOwnPageAndNeverRedirectedTo() {
        Map<String, Map<String, String>> asked = Map.of(
                "unregistered redirect", with("redirect_uri", "https://evil.example/callback"),
                "redirect with a different path", with("redirect_uri", SmartLaunches.REDIRECT + "/../evil"),
                "unknown client", with("client_id", "app-nobody"),
                "no client", with("client_id", ""));
        for (var entry : asked.entrySet()) {
            long before = audit.max();
            HttpResponse<String> answer = browserA.get("/oauth2/authorize?" + SmartLaunches.query(entry.getValue()));
            assertThat(answer.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Location")).as(entry.getKey()).isEmpty();
            assertThat(answer.body()).contains("id=\"smart-problem\"").doesNotContain("evil.example");
            assertThat(audit.countSince(before)).as(entry.getKey() + ": one audit row").isEqualTo(1);
        }
    }

    @Test
    void residentAsAppReadsNothingOfResidentBNotEvenAsTheirProxyAndEachAskLeavesOneRow() {
        Residents.Patient patientB = residents.patientAt(port, FacilityKind.HOSPITAL, "ダイリサレル");
        String observationB = FhirRecords.create(patientB.api(), FhirRecords.lab(patientB.facility(), patientB.localId(),
                FhirRecords.HBA1C, "2025-05-01", 6.1));
        Residents.Resident residentB = residents.register(patientB.personId());
        proxies.grant(ChangedBy.resident(residentB.account().id()), patientB.personId(), residentA.account().loginId(),
                LocalDate.now().plusMonths(6));
        Residents.Patient stranger = residents.patientAt(port, FacilityKind.CLINIC, "タニン");
        RawApi api = new RawApi(port, launches.launch(port, browserA, app, SmartLaunches.SCOPES).text("access_token"));
        String absentPerson = Probe.absentPerson(id -> identities.person(id).isPresent());
        String absentObservation = UUID.randomUUID().toString();

        for (long other : List.of(patientB.personId(), stranger.personId())) {
            String person = String.valueOf(other);
            Map<String, String> personPaths = Map.of(
                    "Patient by id", "Patient/{key}",
                    "Observation?patient=", "Observation?patient=Patient/{key}",
                    "Observation?subject=", "Observation?subject=Patient/{key}",
                    "$everything", "Patient/{key}/$everything",
                    "$medication-notebook", "Patient/{key}/$medication-notebook",
                    "$summary", "Patient/{key}/$summary");
            for (var probe : personPaths.entrySet()) {
                long before = audit.max();
                HttpResponse<String> refused = api.get(probe.getValue().replace("{key}", person));
                long between = audit.max();
                HttpResponse<String> nothing = api.get(probe.getValue().replace("{key}", absentPerson));
                Answers.assertAlike(probe.getKey() + " of " + person, refused, person, nothing, absentPerson);
                assertThat(refused.statusCode()).as(probe.getKey()).isIn(200, 404);
                assertThat(refused.body()).doesNotContain(observationB).doesNotContain("ダイリサレル").doesNotContain("タニン");
                assertThat(audit.rowsSince(before)).as(probe.getKey() + ": one row").hasSize(2).first()
                        .satisfies(row -> assertThat(row.reason()).as("why, in the trail only").isEqualTo(
                                other == patientB.personId() ? "record.appOwnPersonOnly" : "policy.deny.notThePatient"));
                assertThat(audit.rowsSince(between)).as(probe.getKey() + ": one row").singleElement()
                        .satisfies(row -> assertThat(row.outcome()).isEqualTo("DENY"));
            }
        }
        long before = audit.max();
        HttpResponse<String> refused = api.get("Observation/" + observationB);
        assertThat(audit.rowsSince(before)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("DENY");
            assertThat(row.reason()).as("a proxy's principal is not the app's").isEqualTo("record.appOwnPersonOnly");
        });
        Answers.assertAlike("Observation by id", refused, observationB, api.get("Observation/" + absentObservation),
                absentObservation);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "Observation/" + observationB, null, Map.of("X-Purpose-Of-Use", "TREAT")).statusCode())
                .as("a declared purpose changes nothing").isEqualTo(404);
        assertThat(api.get("Patient/" + patientA.personId()).statusCode()).as("A's own record").isEqualTo(200);
        assertThat(api.get("Patient/" + patientA.personId() + "/$summary").statusCode()).as("A's own summary")
                .isEqualTo(200);
    }

    @Test
    void anAppNeverWritesNorReachesTheIdentityTransactionsTheAuditTrailOrTheOperatorsScreens() {
        RawApi api = new RawApi(port, launches.launch(port, browserA, app, SmartLaunches.SCOPES).text("access_token"));
        String observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"Patient/" + patientA.personId() + "\"}}";
        String ownObservation = FhirRecords.create(patientA.api(), FhirRecords.lab(patientA.facility(), patientA.localId(),
                FhirRecords.LDL, "2025-06-01", 120));
        List<String[]> calls = List.of(
                new String[] {"POST", "Observation", observation},
                new String[] {"PUT", "Observation/" + ownObservation, observation.replace("{\"resourceType\":\"Observation\",",
                        "{\"resourceType\":\"Observation\",\"id\":\"" + ownObservation + "\",")},
                new String[] {"DELETE", "Observation/" + ownObservation, null},
                new String[] {"POST", "", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                        + observation + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}"},
                new String[] {"GET", "AuditEvent", null},
                new String[] {"GET", "Patient?family=アプリノヒト&birthdate=1970-01-01", null},
                new String[] {"GET", "Patient/$ihe-pix?sourceIdentifier=urn:x%7C1", null});
        for (String[] call : calls) {
            long before = audit.max();
            HttpResponse<String> answer = api.send(call[0], call[1], call[2]);
            assertThat(answer.statusCode()).as(call[0] + " " + call[1] + ": " + answer.body()).isEqualTo(403);
            assertThat(audit.rowsSince(before)).as(call[0] + " " + call[1] + ": one audit row").singleElement()
                    .satisfies(row -> assertThat(row.outcome()).isEqualTo("DENY"));
        }
        long before = audit.max();
        assertThat(api.binary("Patient/" + patientA.personId(), "%PDF-1.4").statusCode()).isEqualTo(403);
        assertThat(audit.countSince(before)).isEqualTo(1);
        assertThat(api.get("Observation/" + ownObservation).statusCode()).as("still there, unchanged").isEqualTo(200);

        String token = api.token();
        for (String path : List.of("/admin/audit", "/admin/smart-apps", "/phr", "/phr/apps", "/portal/patients/"
                + patientA.personId())) {
            HttpResponse<String> answer = plain("GET", path, token);
            assertThat(answer.statusCode()).as(path).isIn(302, 401, 403);
            assertThat(answer.body()).as(path).doesNotContain("アプリノヒト");
        }
        assertThat(plain("POST", "/import/ssmix2", token).statusCode()).isIn(401, 403);
    }

    @Test
    void anExpiredTokenAReusedRefreshTokenAndAStoppedAppAreRefused() {
        SmartLaunches.TokenAnswer tokens = launches.launch(port, browserA, app, SmartLaunches.SCOPES);
        RawApi api = new RawApi(port, tokens.text("access_token"));
        String own = "Patient/" + patientA.personId();
        assertThat(api.get(own).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE smart_token SET expires_at = now() - interval '1 second' WHERE kind = 'ACCESS' AND grant_id = "
                + "(SELECT max(id) FROM smart_grant WHERE user_id = ?)").param(residentA.account().id()).update();
        long before = audit.max();
        HttpResponse<String> expired = api.get(own);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(audit.rowsSince(before)).singleElement().satisfies(row -> assertThat(row.action()).isEqualTo("API_TOKEN_USE"));

        SmartLaunches.TokenAnswer rotated = SmartLaunches.refresh(port, app, tokens.text("refresh_token"));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(new RawApi(port, rotated.text("access_token")).get(own).statusCode()).isEqualTo(200);
        before = audit.max();
        SmartLaunches.TokenAnswer reused = SmartLaunches.refresh(port, app, tokens.text("refresh_token"));
        assertThat(reused.text("error")).isEqualTo("invalid_grant");
        assertThat(audit.rowsSince(before)).extracting(AuditRows.Row::action).containsExactly("APP_REVOKE");
        assertThat(new RawApi(port, rotated.text("access_token")).get(own).statusCode())
                .as("the reuse revoked the whole grant").isEqualTo(401);
        assertThat(SmartLaunches.refresh(port, app, rotated.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(browserA.get("/phr/apps").body()).contains("id=\"no-apps\"");

        SmartLaunches.TokenAnswer again = launches.launch(port, browserA, app, SmartLaunches.SCOPES);
        assertThat(new RawApi(port, again.text("access_token")).get(own).statusCode()).isEqualTo(200);
        launches.stop(app);
        assertThat(new RawApi(port, again.text("access_token")).get(own).statusCode()).as("app stopped").isEqualTo(401);
        assertThat(SmartLaunches.refresh(port, app, again.text("refresh_token")).status()).isEqualTo(401);
        HttpResponse<String> authorize = browserA.get("/oauth2/authorize?" + SmartLaunches.query(SmartLaunches.request(
                port, app, SmartLaunches.SCOPES, "st", SmartLaunches.Pkce.fresh())));
        assertThat(authorize.statusCode()).isEqualTo(400);
        assertThat(authorize.headers().firstValue("Location")).isEmpty();
    }

    /** A code approved by resident A for this app and PKCE pair. */
    private String code(SmartLaunches.Pkce pkce) {
        String location = launches.approveSignedIn(browserA, SmartLaunches.request(port, app, SmartLaunches.SCOPES,
                "st-" + UUID.randomUUID(), pkce));
        return SmartLaunches.parameter(location, "code");
    }

    private Map<String, String> with(String name, String value) {
        Map<String, String> params = SmartLaunches.request(port, app, SmartLaunches.SCOPES, "st", SmartLaunches.Pkce.fresh());
        params.put(name, value);
        return params;
    }

    private HttpResponse<String> plain(String method, String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/html")
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
