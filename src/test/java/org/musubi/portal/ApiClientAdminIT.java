package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/** The API clients page: who may register, disable and re-key facility systems, and what is shown once. */
@MusubiIntegrationTest
class ApiClientAdminIT extends NetworkFixtures {

    private static final Pattern CLIENT_ID = Pattern.compile("id=\"created-client-id\">([^<]+)<");
    private static final Pattern SECRET = Pattern.compile("id=\"created-secret\">([^<]+)<");

    @Autowired
    Users users;

    @Test
    void aFacilityAdminRegistersAClientForItsFacilityAndTheSecretIsShownOnce() {
        User admin = accounts.facilityAdmin(FacilityKind.CLINIC);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession web = loggedIn(admin);
        web.get("/admin/api-clients");
        long before = audit.max();

        HttpResponse<String> created = web.post("/admin/api-clients", "facilityId", String.valueOf(clinic.id()),
                "name", "診療所電子カルテ", "scopes", "system/Patient.read");
        String page = web.get(WebSession.location(created)).body();
        String clientId = find(CLIENT_ID, page);
        String secret = find(SECRET, page);

        assertThat(page).contains("診療所電子カルテ").contains("system/Patient.read");
        assertThat(web.get("/admin/api-clients").body()).contains(clientId).doesNotContain(secret);
        assertThat(clients.tokenResponse(port, "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + secret).statusCode()).isEqualTo(200);
        assertThat(audit.since(before, admin.loginId())).containsExactly("API_CLIENT_CREATE PERMIT " + clientId
                + " [system/Patient.read]");
    }

    @Test
    void aFacilityAdminCannotRegisterForAnotherFacilityNorOthersForAny() {
        WebSession clinicAdmin = loggedIn(accounts.facilityAdmin(FacilityKind.CLINIC));
        clinicAdmin.get("/admin/api-clients");
        WebSession doctor = loggedIn(accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR));

        HttpResponse<String> foreign = clinicAdmin.post("/admin/api-clients", "facilityId",
                String.valueOf(accounts.facilityOf(FacilityKind.HOSPITAL).id()), "name", "他院", "scopes", "system/*.read");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(doctor.get("/admin/api-clients").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).get("/admin/api-clients").statusCode()).isEqualTo(401);
    }

    @Test
    void disablingAClientStopsItsTokensAndItCanNeverLogInAsAUser() {
        ApiClientAdministration.NewApiClient client = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL),
                "system/*.read");
        WebSession operator = loggedIn(accounts.networkAdmin());
        operator.get("/admin/api-clients");

        HttpResponse<String> reset = operator.post("/admin/users/" + client.client().userId() + "/password-reset",
                "confirmed", "yes");
        HttpResponse<String> resetAsked = operator.post("/admin/users/" + client.client().userId() + "/password-reset");
        operator.get("/admin/api-clients");
        // issue 67: one click asks first (the client named, what follows) and disables nothing
        HttpResponse<String> asked = operator.post("/admin/api-clients/" + client.client().clientId() + "/revoke");
        assertThat(WebSession.location(asked)).isEqualTo("/admin/api-clients?confirm=" + client.client().clientId());
        assertThat(operator.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"revoke-" + client.client().clientId() + "\" open=\"open\">")
                .contains("（" + client.client().clientId() + "）を停止します。停止すると、このクライアントは新しいトークンを受け取れず");
        assertThat(users.find(client.client().userId()).orElseThrow().active()).as("not yet").isTrue();
        HttpResponse<String> revoked = operator.post("/admin/api-clients/" + client.client().clientId() + "/revoke",
                "confirmed", "yes");

        assertThat(reset.statusCode()).isEqualTo(403);
        assertThat(resetAsked.statusCode()).as("not even asked: an API client has no password").isEqualTo(403);
        assertThat(operator.get(WebSession.location(revoked)).body()).contains("停止しました");
        assertThat(users.find(client.client().userId()).orElseThrow().active()).isFalse();
        assertThat(clients.tokenResponse(port, "grant_type=client_credentials&client_id=" + client.client().clientId()
                + "&client_secret=" + client.secret()).statusCode()).isEqualTo(401);
    }

    private WebSession loggedIn(User user) {
        return accounts.signedIn(port, user);
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("pattern %s in page", pattern).isTrue();
        return m.group(1);
    }
}
