package org.musubi.security.internal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.testing.TestCertificates;
import org.musubi.testing.TestCertificates.Issued;

class CertificateChecksTest {

    private static final Issued ROOT = TestCertificates.authority("Root CA");
    private static final Instant NOW = Instant.now();

    @Test
    void acceptsAUserCertificateOfATrustAnchorValidNow() {
        Issued user = TestCertificates.user(ROOT, "doctor");

        assertThat(CertificateChecks.fault(user.certificate(), List.of(), anchors(ROOT), NOW)).isEmpty();
    }

    @Test
    void refusesACertificateOfAnotherAuthorityWithTheSameName() {
        Issued impostor = TestCertificates.authority("Root CA");
        Issued user = TestCertificates.user(impostor, "doctor");

        assertThat(CertificateChecks.fault(user.certificate(), user.chain(), anchors(ROOT), NOW))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("unknown CA"));
    }

    @Test
    void refusesOutsideTheValidityPeriodAtTheMomentOfLogin() {
        Issued user = TestCertificates.user(ROOT, "doctor", NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(1)));

        assertThat(CertificateChecks.fault(user.certificate(), List.of(), anchors(ROOT), NOW.plus(Duration.ofDays(2))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("expired on"));
        assertThat(CertificateChecks.fault(user.certificate(), List.of(), anchors(ROOT), NOW.minus(Duration.ofDays(31))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("not valid before"));
    }

    @Test
    void findsThePathThroughAnIntermediateFromTheHandshakeOrTheAnchorFile() {
        Issued intermediate = TestCertificates.authority("Issuing CA", ROOT);
        Issued user = TestCertificates.user(intermediate, "nurse");

        assertThat(CertificateChecks.fault(user.certificate(), user.chain(), anchors(ROOT), NOW)).isEmpty();
        assertThat(CertificateChecks.fault(user.certificate(), List.of(),
                List.of(ROOT.certificate(), intermediate.certificate()), NOW)).isEmpty();
        assertThat(CertificateChecks.fault(user.certificate(), List.of(), anchors(ROOT), NOW))
                .as("without the intermediate there is no path").isPresent();
    }

    @Test
    void refusesAnAuthorityAServerCertificateAndNoAnchorsAtAll() {
        Issued user = TestCertificates.user(ROOT, "doctor");

        assertThat(CertificateChecks.fault(TestCertificates.authority("Sub", ROOT).certificate(), List.of(),
                anchors(ROOT), NOW)).hasValue("a CA certificate, not a user's");
        assertThat(CertificateChecks.fault(TestCertificates.server(ROOT).certificate(), List.of(), anchors(ROOT), NOW))
                .hasValue("not a certificate for client authentication");
        assertThat(CertificateChecks.fault(user.certificate(), List.of(), List.of(), NOW))
                .hasValue("no trust anchor is configured or readable");
    }

    @Test
    void readsNginxsEscapedPemWithItsPlusSigns() throws Exception {
        // a certificate whose base64 holds a '+' (about one in twelve has none: keys and serials are random)
        X509Certificate certificate = TestCertificates.user(ROOT, "doctor").certificate();
        for (int tries = 0; tries < 100 && !TestCertificates.pem(certificate).contains("+"); tries++) {
            certificate = TestCertificates.user(ROOT, "doctor").certificate();
        }
        String pem = TestCertificates.pem(certificate);
        String formEncoded = URLEncoder.encode(pem, StandardCharsets.UTF_8);
        // as nginx: spaces as %20, and some characters a form encoder would encode left alone, a plus among them
        String nginx = formEncoded.replace("+", "%20").replace("%2F", "/").replace("%2B", "+");

        assertThat(pem).contains("+");
        assertThat(PemCertificates.parse(PemCertificates.unescape(nginx))).containsExactly(certificate);
        assertThat(PemCertificates.parse(PemCertificates.unescape(formEncoded))).containsExactly(certificate);
    }

    private static List<X509Certificate> anchors(Issued authority) {
        return List.of(authority.certificate());
    }
}
