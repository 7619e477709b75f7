package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestCertificates;
import org.musubi.testing.TestCertificates.Issued;
import org.musubi.testing.TestServerCertificates;
import org.musubi.testing.WebSession;

/**
 * Certificate login through a TLS-terminating proxy: the proxy's header with the certificate, believed only with the
 * proxy's shared secret, is the first factor and the authenticator's code the second; a forged header, a certificate
 * of an unknown CA, an expired, a revoked and an unregistered one are refused alike, audited and counted against the
 * client address. The registration screen is the administrators' way in.
 */
@MusubiIntegrationTest
class CertificateLoginIT extends NetworkFixtures {

    private static final Issued CA = TestServerCertificates.authority();
    private static final String REFUSED = "/login?certificateRefused";

    @Test
    void theProxysCertificateThenTheCodeOpenASession() {
        User doctor = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        Issued certificate = TestCertificates.user(CA, "医師 " + doctor.loginId());
        HttpResponse<String> page = register(accounts.signedIn(port, accounts.networkAdmin()), doctor, certificate);
        assertThat(page.body()).contains(certificate.certificate().getSubjectX500Principal().getName())
                .contains(certificate.certificate().getSerialNumber().toString(16));
        long before = audit.max();
        WebSession web = proxied(certificate, TestServerCertificates.PROXY_SECRET, address());

        assertThat(web.get("/login").body()).contains("id=\"certificate-login-form\"").contains("証明書でログイン");
        HttpResponse<String> first = web.post("/login/certificate");

        assertThat(WebSession.location(first)).isEqualTo("/login/second-factor");
        assertThat(WebSession.location(web.get("/"))).as("one factor is no session").isEqualTo("/login/second-factor");
        web.get("/login/second-factor");
        HttpResponse<String> second = web.post("/login/second-factor", "code", accounts.nextCode(doctor.id()));
        assertThat(WebSession.location(second)).isEqualTo("/");
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(audit.since(before, doctor.loginId())).startsWith(
                "LOGIN_CERTIFICATE PERMIT certificate " + TestServerCertificates.shortFingerprint(certificate.certificate())
                        + " by proxy header", "LOGIN_SECOND_FACTOR PERMIT");
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM client_certificate WHERE user_id = ?")
                .param(doctor.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aCertificateHeaderWithoutTheProxysSecretOrWithAWrongOneIsForgedAndRefused() {
        User nurse = accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE);
        Issued certificate = TestCertificates.user(CA, "看護師 " + nurse.loginId());
        register(accounts.signedIn(port, accounts.networkAdmin()), nurse, certificate);
        String address = address();
        long before = audit.max();

        for (String secret : new String[] {null, "wrong-" + TestServerCertificates.PROXY_SECRET,
                TestServerCertificates.PROXY_SECRET.substring(1)}) {
            WebSession web = proxied(certificate, secret, address);
            web.get("/login");
            HttpResponse<String> refused = web.post("/login/certificate");

            assertThat(WebSession.location(refused)).as("secret %s", secret).isEqualTo(REFUSED);
            assertThat(WebSession.location(web.get("/login/second-factor"))).as("no step of a login").isEqualTo("/login");
            assertThat(web.get(REFUSED).body()).contains("証明書でログインできませんでした");
        }
        assertThat(audit.since(before, "certificate")).containsExactly(
                "LOGIN_CERTIFICATE DENY forged certificate header: certificate header without the proxy's secret",
                "LOGIN_CERTIFICATE DENY forged certificate header: certificate header with a wrong proxy secret",
                "LOGIN_CERTIFICATE DENY forged certificate header: certificate header with a wrong proxy secret");
        assertThat(audit.since(before, nurse.loginId())).as("never the nurse's login").isEmpty();
        assertThat(throttled(address)).isEqualTo(3);
    }

    @Test
    void anUnknownCaAnExpiredARevokedAndAnUnregisteredCertificateAreRefusedAlike() {
        User pharmacist = accounts.staff(FacilityKind.PHARMACY, Profession.PHARMACIST);
        WebSession admin = accounts.signedIn(port, accounts.networkAdmin());
        Instant now = Instant.now();
        Issued foreign = TestCertificates.user(TestCertificates.authority("Musubi IT client CA"), "foreign");
        Issued expired = TestCertificates.user(CA, "expired", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        Issued revoked = TestCertificates.user(CA, "revoked");
        Issued unregistered = TestCertificates.user(CA, "unregistered");
        register(admin, pharmacist, foreign);
        register(admin, pharmacist, revoked);
        WebSession before = proxied(revoked, TestServerCertificates.PROXY_SECRET, address());
        before.get("/login");
        before.post("/login/certificate");
        before.get("/login/second-factor");
        before.post("/login/second-factor", "code", accounts.nextCode(pharmacist.id()));
        assertThat(before.get("/").statusCode()).as("signed in with the certificate before its revocation").isEqualTo(200);
        revoke(admin, pharmacist, revoked);
        assertThat(before.get("/").statusCode()).as("revoking ends the user's sessions").isEqualTo(302);
        String address = address();
        long start = audit.max();

        Map<Issued, String> answers = new LinkedHashMap<>();
        for (Issued certificate : List.of(foreign, expired, revoked, unregistered)) {
            WebSession web = proxied(certificate, TestServerCertificates.PROXY_SECRET, address);
            web.get("/login");
            answers.put(certificate, WebSession.location(web.post("/login/certificate")));
            assertThat(WebSession.location(web.get("/login/second-factor"))).isEqualTo("/login");
        }

        assertThat(answers.values()).containsOnly(REFUSED);
        assertThat(audit.since(start, "cert:" + TestServerCertificates.shortFingerprint(foreign.certificate())))
                .singleElement().asString().startsWith("LOGIN_CERTIFICATE DENY unknown CA");
        assertThat(audit.since(start, "cert:" + TestServerCertificates.shortFingerprint(expired.certificate())))
                .singleElement().asString().startsWith("LOGIN_CERTIFICATE DENY expired on");
        assertThat(audit.since(start, pharmacist.loginId()))
                .singleElement().asString().startsWith("LOGIN_CERTIFICATE DENY revoked on");
        assertThat(audit.since(start, "cert:" + TestServerCertificates.shortFingerprint(unregistered.certificate())))
                .singleElement().asString().startsWith("LOGIN_CERTIFICATE DENY not registered");
        assertThat(throttled(address)).as("each counted by the login throttle").isEqualTo(4);
    }

    @Test
    void onlyAUsersOwnValidCertificateIsRegisteredAndOnlyOnce() {
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        User other = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        WebSession admin = accounts.signedIn(port, accounts.networkAdmin());
        Issued certificate = TestCertificates.user(CA, "doctor");
        Instant now = Instant.now();
        register(admin, doctor, certificate);
        long before = audit.max();

        assertThat(register(admin, other, certificate).body()).contains("この証明書はすでに登録されています");
        assertThat(register(admin, doctor, CA).body()).contains("認証局（CA）の証明書です");
        assertThat(register(admin, doctor, TestCertificates.server(CA)).body()).contains("クライアント認証用ではない");
        assertThat(register(admin, doctor, TestCertificates.user(CA, "old", now.minus(Duration.ofDays(9)),
                now.minus(Duration.ofDays(2)))).body()).contains("有効期限が切れた証明書");
        assertThat(registerText(admin, doctor, certificate.pem() + TestCertificates.user(CA, "second").pem()).body())
                .contains("証明書が複数含まれています");
        assertThat(registerText(admin, doctor, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----")
                .body()).contains("証明書として読み取れません");
        assertThat(jdbc.sql("SELECT count(*) FROM client_certificate WHERE user_id IN (?, ?)")
                .params(doctor.id(), other.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(audit.reasons(before, "CERTIFICATE_REGISTER", "User")).singleElement().asString()
                .endsWith("is registered already");
    }

    /** The user's certificate page after registering {@code certificate} with the administrator's session. */
    private HttpResponse<String> register(WebSession admin, User user, Issued certificate) {
        return registerText(admin, user, certificate.pem());
    }

    private HttpResponse<String> registerText(WebSession admin, User user, String pem) {
        String page = "/admin/users/" + user.id() + "/certificates";
        admin.get(page);
        HttpResponse<String> posted = admin.post(page, "pem", pem);
        assertThat(WebSession.location(posted)).isEqualTo(page);
        return admin.get(page);
    }

    private void revoke(WebSession admin, User user, Issued certificate) {
        long id = jdbc.sql("SELECT id FROM client_certificate WHERE user_id = ? AND subject = ?")
                .params(user.id(), certificate.certificate().getSubjectX500Principal().getName()).query(Long.class).single();
        admin.get("/admin/users/" + user.id() + "/certificates");
        // issue 67: one click asks first (the certificate named, what follows) and revokes nothing
        HttpResponse<String> asked = admin.post("/admin/users/" + user.id() + "/certificates/" + id + "/revoke");
        assertThat(WebSession.location(asked)).isEqualTo("/admin/users/" + user.id() + "/certificates?confirm=" + id);
        assertThat(admin.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"revoke-" + id + "\" open=\"open\">")
                .contains("を失効させます。失効させると、この証明書ではログインできなくなり");
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM client_certificate WHERE id = ?").param(id)
                .query(Boolean.class).single()).as("not revoked without the confirmation").isTrue();
        assertThat(admin.post("/admin/users/" + user.id() + "/certificates/" + id + "/revoke", "confirmed", "yes")
                .statusCode()).isEqualTo(302);
    }

    /** A browser behind the proxy at {@code address}: the proxy sends its certificate, and the secret when given. */
    private WebSession proxied(Issued certificate, String secret, String address) {
        WebSession web = new WebSession(port).withHeader("X-Forwarded-For", address)
                .withHeader(TestServerCertificates.CERTIFICATE_HEADER, TestServerCertificates.escaped(certificate.certificate()));
        return secret == null ? web : web.withHeader(TestServerCertificates.SECRET_HEADER, secret);
    }

    /** An address of this test alone (IPv6 documentation prefix). */
    private static String address() {
        return "2001:db8::" + UUID.randomUUID().toString().substring(0, 4);
    }

    private int throttled(String address) {
        return jdbc.sql("SELECT coalesce(max(failures), 0) FROM login_throttle WHERE address = ?").param(address)
                .query(Integer.class).single();
    }
}
