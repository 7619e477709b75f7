package org.musubi.security.internal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.testing.TestCertificates;
import org.springframework.mock.web.MockHttpServletRequest;

class PresentedCertificatesTest {

    private static final String SECRET = "a-shared-secret-of-the-proxy-0123456789";
    private static final X509Certificate CERTIFICATE = TestCertificates.user(TestCertificates.authority("CA"), "doctor")
            .certificate();

    @Test
    void believesTheHeaderOnlyWithTheProxysSecret() {
        PresentedCertificates presented = presented(true);

        assertThat(presented.from(request(SECRET))).isEqualTo(new PresentedCertificates.Certificate(CERTIFICATE,
                List.of(CERTIFICATE), "proxy header"));
        assertThat(presented.from(request(null))).isInstanceOf(PresentedCertificates.Forged.class);
        assertThat(presented.from(request(SECRET + "x"))).isInstanceOf(PresentedCertificates.Forged.class);
        assertThat(presented.from(request(""))).isInstanceOf(PresentedCertificates.Forged.class);
    }

    @Test
    void aCertificateHeaderWhileTheHeaderPathIsOffIsForgedEvenWithTheSecret() {
        assertThat(presented(false).from(request(SECRET))).isEqualTo(new PresentedCertificates.Forged(
                "certificate header X-SSL-Client-Cert while the header path is off"));
    }

    @Test
    void aHandshakesCertificateCountsOnlyOnTheMutualTlsConnector() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login/certificate");
        request.setSecure(true);
        request.setAttribute(MutualTlsConnector.CERTIFICATES, new X509Certificate[] {CERTIFICATE});

        assertThat(presented(true).from(request)).isEqualTo(new PresentedCertificates.Nothing(
                "no certificate header from the proxy"));
    }

    @Test
    void theHeaderPathNeedsALongSecretAndTwoHeaderNames() {
        assertThatThrownBy(() -> new CertificateLoginProperties.Header(true, "X-SSL-Client-Cert", "X-Secret", "short"))
                .hasMessageContaining("at least 24 characters");
        assertThatThrownBy(() -> new CertificateLoginProperties.Header(true, "X-Same", "x-same", SECRET))
                .hasMessageContaining("two different header names");
        assertThatThrownBy(() -> properties(true, List.of())).hasMessageContaining("trust-anchors");
    }

    private static PresentedCertificates presented(boolean header) {
        CertificateLoginProperties properties = properties(header, List.of(Path.of("anchors.pem")));
        return new PresentedCertificates(properties, new MutualTlsConnector(properties));
    }

    private static CertificateLoginProperties properties(boolean header, List<Path> anchors) {
        return new CertificateLoginProperties(anchors,
                new CertificateLoginProperties.Header(header, "X-SSL-Client-Cert", "X-Musubi-Proxy-Secret", SECRET),
                new CertificateLoginProperties.MutualTls(false, "127.0.0.1", 0, null, null, "PKCS12", null, null, "PKCS12"));
    }

    private static MockHttpServletRequest request(String secret) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login/certificate");
        request.addHeader("X-SSL-Client-Cert", URLEncoder.encode(TestCertificates.pem(CERTIFICATE), StandardCharsets.UTF_8)
                .replace("+", "%20"));
        if (secret != null) {
            request.addHeader("X-Musubi-Proxy-Secret", secret);
        }
        return request;
    }
}
