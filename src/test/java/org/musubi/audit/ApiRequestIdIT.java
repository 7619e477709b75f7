package org.musubi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.security.ApiClientAdministration.NewApiClient;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;

/**
 * The FHIR API and the token endpoint answer with the request id their audit row carries, so that an operator finds
 * the row a caller quotes: HAPI's own id (or one the caller sent) never replaces it, on success, refusal or error.
 */
@MusubiIntegrationTest
class ApiRequestIdIT extends NetworkFixtures {

    private static final String JSON = "application/fhir+json";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private NewApiClient hospitalClient;
    private FhirHttp hospital;
    private String observation;
    private long person;

    @BeforeEach
    void aHospitalHasAPatientWithALabResult() {
        Facility facility = accounts.facilityOf(FacilityKind.HOSPITAL);
        hospitalClient = clients.register(facility, "system/*.read", "system/*.write");
        String token = clients.token(port, hospitalClient);
        IGenericClient fhir = clients.fhir(port, token);
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, facility, localId, "リクエストイチ");
        observation = FhirRecords.create(fhir,
                FhirRecords.lab(facility, localId, FhirRecords.HBA1C, "2024-01-10T09:00:00+09:00", 6.1));
        person = clients.linkedPersonOf(facility, localId);
        hospital = new FhirHttp(port, token);
    }

    @Test
    void aPermittedReadAnswersWithItsAuditRowsRequestId() {
        long before = audit.max();

        HttpResponse<String> read = hospital.get("Observation/" + observation, JSON);

        assertThat(read.statusCode()).isEqualTo(200);
        String id = requestId(read);
        assertThat(audit.requestIds(before, hospitalClient.client().clientId())).containsExactly(id);
        assertThat(audit.ofRequest(before, id)).singleElement().asString().startsWith("READ PERMIT");
    }

    @Test
    void aRefusedReadAnswersNotFoundWithItsAuditRowsRequestIdNotTheOneTheCallerSent() {
        NewApiClient clinicClient = clients.register(accounts.facilityOf(FacilityKind.CLINIC), "system/*.read");
        FhirHttp clinic = new FhirHttp(port, clients.token(port, clinicClient));
        String forged = "forged-by-client-0002";
        long before = audit.max();

        HttpResponse<String> refused = clinic.send(FhirHttp.request(port, "GET", "Observation/" + observation, JSON,
                null, null, Map.of("X-Request-Id", forged)));

        assertThat(refused.statusCode()).isEqualTo(404);
        String id = requestId(refused);
        assertThat(id).isNotEqualTo(forged);
        assertThat(audit.requestIds(before, clinicClient.client().clientId())).containsExactly(id);
        assertThat(audit.ofRequest(before, id)).singleElement().asString().startsWith("READ DENY");
    }

    @Test
    void aSearchAnswersWithItsAuditRowsRequestId() {
        long before = audit.max();

        HttpResponse<String> search = hospital.get("Observation?patient=Patient/" + person, JSON);

        assertThat(search.statusCode()).isEqualTo(200);
        String id = requestId(search);
        assertThat(audit.requestIds(before, hospitalClient.client().clientId())).containsExactly(id);
        assertThat(audit.ofRequest(before, id)).singleElement().asString().startsWith("SEARCH PERMIT");
    }

    @Test
    void anInvalidTokenIsRefusedWithItsAuditRowsRequestId() {
        long before = audit.max();

        HttpResponse<String> refused = new FhirHttp(port, "msb_no-such-token-" + System.nanoTime())
                .get("Observation/" + observation, JSON);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(audit.ofRequest(before, requestId(refused)))
                .containsExactly("API_TOKEN_USE DENY invalid_token: unknown or expired");
    }

    @Test
    void aTokenAnswersWithItsAuditRowsRequestId() {
        long before = audit.max();

        HttpResponse<String> issued = clients.tokenResponse(port, "grant_type=client_credentials&client_id="
                + hospitalClient.client().clientId() + "&client_secret="
                + URLEncoder.encode(hospitalClient.secret(), StandardCharsets.UTF_8));

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(audit.requestIds(before, hospitalClient.client().clientId())).containsExactly(requestId(issued));
    }

    private static String requestId(HttpResponse<String> response) {
        assertThat(response.headers().allValues("X-Request-Id")).as("one request id").hasSize(1);
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches(UUID);
        return id;
    }
}
