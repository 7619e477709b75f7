package org.musubi.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.security.ApiClientAdministration;
import org.musubi.security.ApiScope;
import org.springframework.stereotype.Component;

/** API clients for tests: registered as a network admin would, tokens from the real token endpoint, a real HAPI client. */
@Component
public class FhirClients {

    private final ApiClientAdministration clients;
    private final TestAccounts accounts;
    private Administrator operator;
    private final FhirContext context;
    private final IdentityStore identities;
    private final Consents consents;
    private final HttpClient http = HttpClient.newHttpClient();

    FhirClients(ApiClientAdministration clients, TestAccounts accounts, FhirContext context,
                IdentityStore identities, Consents consents) {
        this.clients = clients;
        this.accounts = accounts;
        this.context = context;
        this.identities = identities;
        this.consents = consents;
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // The first write after start builds the base R4 validator (seconds, more on a busy machine).
        context.getRestfulClientFactory().setSocketTimeout(180_000);
    }

    /**
     * The regional person the facility's patient {@code localId} is linked to, as the test database has it. A facility
     * is not told this over the API unless it has standing for the person (a live link made with the card): an
     * automatic match tells it nothing (issue 37).
     */
    public long personOf(Facility facility, String localId) {
        return identities.sourcePatient(facility.id(), localId).flatMap(s -> identities.personOf(s.id()))
                .orElseThrow(() -> new IllegalStateException("patient " + localId + " of facility " + facility.id()
                        + " is linked to no person"));
    }

    /**
     * The person behind the facility's patient, after the facility linked them at its counter with the card (as the
     * portal's linking does): the standing that lets the facility ask about the person by id, for tests about
     * something else than standing.
     */
    public long linkedPersonOf(Facility facility, String localId) {
        long person = personOf(facility, localId);
        consents.link(person, facility.id(), accounts.networkAdmin().id());
        return person;
    }

    /** Whether the facility's patient {@code localId} was registered (stored as a source patient) at all. */
    public boolean registered(Facility facility, String localId) {
        return identities.sourcePatient(facility.id(), localId).isPresent();
    }

    public ApiClientAdministration.NewApiClient register(Facility facility, String... scopes) {
        return clients.register(operator(), facility.id(), "試験用システム",
                Arrays.stream(scopes).map(ApiScope::parse).collect(Collectors.toSet()));
    }

    /** POSTs the form to /oauth2/token with the client's id and secret in the body. */
    public HttpResponse<String> tokenResponse(int port, String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String token(int port, ApiClientAdministration.NewApiClient client) {
        HttpResponse<String> response = tokenResponse(port, "grant_type=client_credentials&client_id="
                + client.client().clientId() + "&client_secret=" + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    public IGenericClient fhir(int port, String token) {
        IGenericClient client = context.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    public IGenericClient fhirFor(int port, Facility facility, String... scopes) {
        return fhir(port, token(port, register(facility, scopes)));
    }

    private synchronized Administrator operator() {
        if (operator == null) {
            operator = new Administrator(accounts.networkAdmin().id(), true, Set.of());
        }
        return operator;
    }

    public FhirContext context() {
        return context;
    }
}
