package org.musubi.security.internal.certificate;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reading X.509 certificates from PEM text, and what identifies one: the SHA-256 of its DER encoding. */
final class PemCertificates {

    /** The longest PEM text taken from a request or a form (a user certificate with its chain is a few KB). */
    static final int MAX_PEM = 64 * 1024;

    private PemCertificates() {
    }

    /** Every certificate in the text (none when it holds none); text that is not PEM or DER fails. */
    static List<X509Certificate> parse(String pem) throws CertificateException {
        if (pem == null || pem.isBlank()) {
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    /**
     * The PEM text of nginx's {@code $ssl_client_escaped_cert}: percent-encoded, where a {@code +} of the Base64 text is
     * a plus, never a space. A proxy that writes the spaces of the BEGIN and END lines as {@code +} (form encoding) is
     * understood too.
     */
    static String unescape(String escaped) {
        return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8)
                .replace("-----BEGIN+CERTIFICATE-----", "-----BEGIN CERTIFICATE-----")
                .replace("-----END+CERTIFICATE-----", "-----END CERTIFICATE-----");
    }

    static byte[] fingerprint(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a parsed certificate has an encoding", e);
        }
    }

    /** A fingerprint as administrators compare it with {@code openssl x509 -fingerprint -sha256}: AB:CD:…. */
    static String colons(byte[] fingerprint) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(fingerprint);
    }

    /** The first 16 hexadecimal digits of the fingerprint: enough for the audit trail to tell certificates apart. */
    static String shortly(byte[] fingerprint) {
        return HexFormat.of().formatHex(fingerprint, 0, 8);
    }
}
