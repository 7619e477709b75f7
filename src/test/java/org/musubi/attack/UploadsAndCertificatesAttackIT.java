package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestCertificates;
import org.musubi.testing.TestServerCertificates;
import org.musubi.testing.WebSession;

/**
 * The attacker's suite ({@link AttackMatrixIT}) on what is not about a patient's record: hospital A's resumable
 * uploads, and the client certificates of A's users.
 */
@MusubiIntegrationTest
class UploadsAndCertificatesAttackIT extends AttackFixtures {

    /**
     * Hospital A's resumable upload (tus, {@code /import/{kind}/uploads/<id>}) is never clinic B's: every caller of B
     * (its systems, whatever their scopes, and its users' browsers) gets for each method exactly the answer of an upload
     * id nothing has, under A's kind and under another, and A's upload is left as it was. Uploads hold no patient's
     * record until imported (the import audits what it stores), so these attempts leave no audit row to count.
     */
    @Test
    void clinicBNeverReachesHospitalAsUploads() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        String owner = clients.token(port, clients.register(hospital, "system/*.write"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(tus(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/import/jahis/uploads")).header("Authorization", "Bearer " + owner).header("Upload-Length", "100")
                .POST(HttpRequest.BodyPublishers.noBody())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String real = created.headers().firstValue("Location").orElseThrow();
        String realId = real.substring(real.lastIndexOf('/') + 1);
        for (Armed caller : callers(clinic)) {
            for (String kind : List.of("jahis", "lab")) {
                for (String method : List.of("HEAD", "PATCH", "DELETE", "GET", "OPTIONS")) {
                    String absentId = UUID.randomUUID().toString();
                    String what = caller.attacker() + " / " + method + " " + kind;
                    HttpResponse<String> asked = uploadRequest(http, caller, method, "/import/" + kind + "/uploads/" + realId);
                    HttpResponse<String> nothing = uploadRequest(http, caller, method, "/import/" + kind + "/uploads/"
                            + absentId);
                    Answers.assertAlike(what, asked, realId, nothing, absentId);
                    assertThat(asked.statusCode()).as(what).isIn(403, 404, 200, 204);
                }
            }
        }
        HttpResponse<String> after = http.send(tus(HttpRequest.newBuilder(URI.create("http://localhost:" + port + real))
                .header("Authorization", "Bearer " + owner).method("HEAD", HttpRequest.BodyPublishers.noBody())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("A's upload is still there").isEqualTo(204);
        assertThat(after.headers().firstValue("Upload-Offset")).as("and unchanged").hasValue("0");
    }

    /**
     * Certificate login's routes: the administrators' screens of a user's client certificates
     * ({@code /admin/users/{id}/certificates}, registering, revoking) and the certificate login itself. No user of
     * clinic B — its facility administrator included — sees, registers or revokes a certificate of hospital A's doctor:
     * each attempt answers exactly as for a user or certificate id nobody has, and leaves one audit row of the caller;
     * B's administrator cannot revoke A's certificate under one of B's own users either. Sending A's doctor's
     * certificate as the proxy's header, without or with a wrong proxy secret, signs nobody in. A's certificate is
     * left as it was.
     */
    @Test
    void clinicBNeverManagesNorUsesTheClientCertificatesOfHospitalAsUsers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User victim = accounts.memberOf(hospital, Profession.DOCTOR);
        TestCertificates.Issued certificate = TestCertificates.user(TestServerCertificates.authority(), "A " + victim.id());
        WebSession hospitalAdmin = accounts.signedIn(port, accounts.adminOf(hospital));
        String victimPage = "/admin/users/" + victim.id() + "/certificates";
        hospitalAdmin.get(victimPage);
        assertThat(WebSession.location(hospitalAdmin.post(victimPage, "pem", certificate.pem())))
                .as("A's administrator registers for A's doctor").isEqualTo(victimPage);
        long certificateId = jdbc.sql("SELECT id FROM client_certificate WHERE user_id = ?").param(victim.id())
                .query(Long.class).single();
        long nobody = jdbc.sql("SELECT max(id) + 1000 FROM app_user").query(Long.class).single();
        long noCertificate = certificateId + 1_000_000;
        User clinicAdmin = accounts.adminOf(clinic);
        User clinicDoctor = accounts.memberOf(clinic, Profession.DOCTOR);
        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                clinicAdmin.id(), null, accounts.signedIn(port, clinicAdmin)));
        for (Armed caller : callers) {
            WebSession web = caller.web();
            String what = caller.attacker() + " / certificates";
            certificateAttempt(caller, what + " page", "/users/" + victim.id() + "/", "/users/" + nobody + "/",
                    () -> web.get(victimPage), () -> web.get("/admin/users/" + nobody + "/certificates"));
            certificateAttempt(caller, what + " register", "/users/" + victim.id() + "/", "/users/" + nobody + "/",
                    () -> post(web, victimPage, "pem", TestCertificates.user(TestServerCertificates.authority(), "x").pem()),
                    () -> post(web, "/admin/users/" + nobody + "/certificates", "pem",
                            TestCertificates.user(TestServerCertificates.authority(), "y").pem()));
            certificateAttempt(caller, what + " revoke", "/" + certificateId + "/", "/" + noCertificate + "/",
                    () -> post(web, victimPage + "/" + certificateId + "/revoke", "confirmed", "yes"),
                    () -> post(web, "/admin/users/" + nobody + "/certificates/" + noCertificate + "/revoke",
                            "confirmed", "yes"));
            certificateAttempt(caller, what + " revoke under B's own user", "/" + certificateId + "/",
                    "/" + noCertificate + "/",
                    () -> post(web, "/admin/users/" + clinicDoctor.id() + "/certificates/" + certificateId + "/revoke",
                            "confirmed", "yes"),
                    () -> post(web, "/admin/users/" + clinicDoctor.id() + "/certificates/" + noCertificate + "/revoke",
                            "confirmed", "yes"));
        }
        assertThat(post(callers.getLast().web(), victimPage).statusCode()).as("B's administrator reaches the screens")
                .isEqualTo(404);
        long before = audit.max();
        for (String secret : new String[] {null, "not-" + TestServerCertificates.PROXY_SECRET}) {
            for (WebSession web : List.of(new WebSession(port), callers.getFirst().web())) {
                web.withHeader(TestServerCertificates.CERTIFICATE_HEADER, TestServerCertificates.escaped(certificate.certificate()));
                if (secret != null) {
                    web.withHeader(TestServerCertificates.SECRET_HEADER, secret);
                }
                web.get("/login");
                assertThat(WebSession.location(web.post("/login/certificate"))).isEqualTo("/login?certificateRefused");
                assertThat(web.get("/login/second-factor").statusCode()).as("no step of A's doctor's login").isNotEqualTo(200);
            }
        }
        assertThat(audit.since(before, victim.loginId())).as("A's doctor never signed in").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM client_certificate WHERE user_id = ? AND revoked_at IS NULL")
                .param(victim.id()).query(Long.class).single()).as("A's certificate as it was").isEqualTo(1);
    }

    private HttpResponse<String> uploadRequest(HttpClient http, Armed caller, String method, String path) throws Exception {
        HttpRequest.Builder request = tus(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)));
        if (method.equals("PATCH")) {
            request.header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(new byte[10]));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (caller.api() != null) {
            return http.send(request.header("Authorization", "Bearer " + caller.api().token()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return caller.web().send(request);
    }

    private static HttpRequest.Builder tus(HttpRequest.Builder request) {
        return request.header("Tus-Resumable", "1.0.0");
    }
}
