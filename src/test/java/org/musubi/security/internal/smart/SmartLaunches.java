package org.musubi.security.internal.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.phr.Residents;
import org.musubi.security.internal.api.RandomTokens;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's app for tests, doing what a SMART app and the resident's browser do: an app registered as the operator
 * would, the authorization request with a fresh PKCE pair, the notebook's login with both factors and the consent
 * form over real HTTP, then the token endpoint with the verifier. Each step is also callable alone, for the attacks.
 */
@Component
public class SmartLaunches {

    public static final String REDIRECT = "https://app.example.test/callback";
    public static final String SCOPES = "launch/patient openid fhirUser offline_access patient/*.read";
    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SmartApps apps;
    private final TestAccounts accounts;
    private final Residents residents;

    SmartLaunches(SmartApps apps, TestAccounts accounts, Residents residents) {
        this.apps = apps;
        this.accounts = accounts;
        this.residents = residents;
    }

    /** A registered app: its client ID. */
    public record App(String clientId, long id) {
    }

    /** A PKCE pair: the verifier the app keeps and the S256 challenge it sends. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce fresh() {
            String verifier = RandomTokens.urlSafe(48);
            return new Pkce(verifier, org.musubi.security.internal.smart.Pkce.challenge(verifier));
        }
    }

    /** The token endpoint's answer: status and JSON. */
    public record TokenAnswer(int status, JsonNode json) {

        public String text(String field) {
            return json.path(field).asString(null);
        }
    }

    public App register(String scopes) {
        JdbcSmartApps.App app = apps.register(accounts.networkAdmin().id(), "テスト用 健康アプリ", REDIRECT, scopes);
        return new App(app.clientId(), app.id());
    }

    public void stop(App app) {
        apps.stop(app.id());
    }

    /** The authorization request's parameters, as an app builds them. */
    public static Map<String, String> request(int port, App app, String scope, String state, Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", app.clientId());
        params.put("redirect_uri", REDIRECT);
        params.put("scope", scope);
        params.put("state", state);
        params.put("aud", "http://localhost:" + port + "/fhir");
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return params;
    }

    public static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /**
     * The whole browser part: the authorization request leads a browser without a session to the notebook's login;
     * the resident logs in with password and authenticator code and comes back to the consent page; approving sends the
     * browser to the app's redirect URI with the code. Returns that redirect's location.
     */
    public String approveAfterLogin(int port, Residents.Resident resident, Map<String, String> params) {
        WebSession browser = new WebSession(port);
        HttpResponse<String> asked = browser.get("/oauth2/authorize?" + query(params));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"to-login\" href=\"/phr/login\"");
        browser.get("/phr/login");
        assertThat(WebSession.location(browser.post("/login", "username", resident.account().loginId(),
                "password", Residents.PASSWORD, "from", "phr"))).isEqualTo("/login/second-factor");
        browser.get("/login/second-factor");
        HttpResponse<String> loggedIn = browser.post("/login/second-factor", "code",
                residents.nextCode(resident.account().id(), resident.totpSecret()));
        String back = WebSession.location(loggedIn);
        assertThat(back).as("back to the authorization request").isEqualTo("/oauth2/authorize?" + query(params));
        return decide(browser, browser.get(back), "approve");
    }

    /** With a resident already signed in in {@code browser}: the consent page, then the decision. */
    public String approveSignedIn(WebSession browser, Map<String, String> params) {
        return decide(browser, browser.get("/oauth2/authorize?" + query(params)), "approve");
    }

    /** Posts the decision on the consent page; returns the redirect's location. */
    public static String decide(WebSession browser, HttpResponse<String> consentPage, String decision) {
        assertThat(consentPage.statusCode()).as(consentPage.body()).isEqualTo(200);
        Matcher ticket = TICKET.matcher(consentPage.body());
        assertThat(ticket.find()).isTrue();
        HttpResponse<String> decided = browser.post("/oauth2/authorize", "ticket", ticket.group(1), "decision", decision);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        return decided.headers().firstValue("Location").orElseThrow();
    }

    /** A query parameter of a redirect's location. */
    public static String parameter(String location, String name) {
        String query = URI.create(location).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** POSTs {@code name, value, …} as a form to the token endpoint. */
    public static TokenAnswer token(int port, String... nameValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                form.put(nameValues[i], nameValues[i + 1]);
            }
        }
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(query(form))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            return new TokenAnswer(answer.statusCode(), JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The code grant as the app makes it. */
    public static TokenAnswer exchange(int port, App app, String code, Pkce pkce) {
        return token(port, "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", app.clientId(), "code_verifier", pkce.verifier());
    }

    public static TokenAnswer refresh(int port, App app, String refreshToken) {
        return token(port, "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", app.clientId());
    }

    /** A full launch for a resident who is already signed in in {@code browser}: the token answer (asserted 200). */
    public TokenAnswer launch(int port, WebSession browser, App app, String scope) {
        Pkce pkce = Pkce.fresh();
        String location = approveSignedIn(browser, request(port, app, scope, "s-" + RandomTokens.urlSafe(8), pkce));
        TokenAnswer answer = exchange(port, app, parameter(location, "code"), pkce);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        return answer;
    }
}
