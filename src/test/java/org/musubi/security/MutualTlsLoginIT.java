package org.musubi.security;

import org.musubi.testing.TestDirs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.internal.certificate.CertificateLoginProperties;
import org.musubi.security.internal.certificate.MutualTlsConnector;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestCertificates;
import org.musubi.testing.TestCertificates.Issued;
import org.musubi.testing.TestServerCertificates;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Certificate login by mutual TLS: the second connector, opened here on a free loopback port with a server key and a
 * trust store of the test CA, completes no handshake without a client certificate; with one, the certificate from the
 * handshake is the first factor, and the code the second. The same certificate is no factor on the ordinary
 * connector.
 */
@MusubiIntegrationTest
class MutualTlsLoginIT extends NetworkFixtures {

    private static final Issued CA = TestServerCertificates.authority();
    @Autowired
    MutualTlsConnector connector;
    private int tlsPort;

    @BeforeEach
    void openTheConnector() {
        Path directory = TestDirs.of("it-mutual-tls");
        Path keyStore = TestCertificates.server(CA).writeKeyStore(directory.resolve("server.p12"));
        Path trustStore = TestCertificates.write(TestCertificates.trustStore(CA.certificate()),
                directory.resolve("trust.p12"));
        String password = new String(TestCertificates.PASSWORD);
        tlsPort = connector.open(new CertificateLoginProperties.MutualTls(true, "127.0.0.1", 0, keyStore, password,
                "PKCS12", trustStore, password, "PKCS12"));
    }

    @AfterEach
    void closeTheConnector() {
        connector.close();
    }

    @Test
    void theHandshakesCertificateThenTheCodeOpenASession() {
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        Issued certificate = TestCertificates.user(CA, "医師 " + doctor.loginId());
        register(doctor, certificate);
        long before = audit.max();
        WebSession web = WebSession.at("https://127.0.0.1:" + tlsPort, client(certificate));

        assertThat(web.get("/login").body()).contains("id=\"certificate-login-form\"");
        HttpResponse<String> first = web.post("/login/certificate");

        assertThat(WebSession.location(first)).isEqualTo("/login/second-factor");
        web.get("/login/second-factor");
        assertThat(WebSession.location(web.post("/login/second-factor", "code", accounts.nextCode(doctor.id()))))
                .isEqualTo("/");
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(audit.since(before, doctor.loginId())).startsWith("LOGIN_CERTIFICATE PERMIT certificate "
                + TestServerCertificates.shortFingerprint(certificate.certificate()) + " by mutual TLS",
                "LOGIN_SECOND_FACTOR PERMIT");
    }

    @Test
    void noHandshakeWithoutAClientCertificateOrWithOneOfAnotherCa() {
        HttpClient bare = client(null);
        HttpClient foreign = client(TestCertificates.user(TestCertificates.authority("Another CA"), "foreign"));
        HttpRequest login = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort + "/login")).build();

        assertThatThrownBy(() -> bare.send(login, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> foreign.send(login, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theOrdinaryConnectorOffersNoMutualTlsFactor() {
        User nurse = accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE);
        register(nurse, TestCertificates.user(CA, "看護師 " + nurse.loginId()));
        long before = audit.max();
        WebSession web = new WebSession(port).withHeader("X-Forwarded-For", "192.0.2.199");
        web.get("/login");

        assertThat(WebSession.location(web.post("/login/certificate"))).isEqualTo("/login?certificateRefused");
        assertThat(audit.since(before, "certificate")).containsExactly(
                "LOGIN_CERTIFICATE DENY no certificate header from the proxy");
    }

    private void register(User user, Issued certificate) {
        WebSession admin = accounts.signedIn(port, accounts.networkAdmin());
        String page = "/admin/users/" + user.id() + "/certificates";
        admin.get(page);
        assertThat(WebSession.location(admin.post(page, "pem", certificate.pem()))).isEqualTo(page);
    }

    private static HttpClient client(Issued certificate) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TestCertificates.clientContext(certificate, CA.certificate())).build();
    }
}
