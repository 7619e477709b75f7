package org.musubi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * Certificate login on the test server ({@link MusubiIntegrationTest}): the certificate authority it trusts (made
 * once per test JVM and written to its trust anchor file before the first use), the proxy's header names and shared
 * secret, and a certificate escaped as nginx's {@code $ssl_client_escaped_cert} sends it.
 */
public final class TestServerCertificates {

    /** The trust anchor file the test server reads at each certificate login. */
    public static final java.nio.file.Path ANCHORS = TestDirs.of("it-client-cas.pem");
    public static final String PROXY_SECRET = "it-proxy-secret-never-used-elsewhere-4242";
    public static final String CERTIFICATE_HEADER = "X-SSL-Client-Cert";
    public static final String SECRET_HEADER = "X-Musubi-Proxy-Secret";
    private static TestCertificates.Issued authority;

    private TestServerCertificates() {
    }

    /** The authority whose user certificates the test server trusts. */
    public static synchronized TestCertificates.Issued authority() {
        if (authority == null) {
            TestCertificates.Issued made = TestCertificates.authority("Musubi IT client CA");
            try {
                Files.writeString(ANCHORS, made.pem(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            authority = made;
        }
        return authority;
    }

    /**
     * The certificate's PEM as nginx's {@code $ssl_client_escaped_cert}: reserved characters percent-encoded, a space
     * as {@code %20}.
     */
    public static String escaped(X509Certificate certificate) {
        return URLEncoder.encode(TestCertificates.pem(certificate), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The first 16 hexadecimal digits of the certificate's SHA-256 fingerprint, as the audit trail names it. */
    public static String shortFingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()), 0, 8);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
