package org.musubi.security.internal.certificate;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The client certificate a login request presents, from where it may come: on the mutual TLS connector, the TLS
 * handshake's chain (and nothing else); elsewhere, with the header path on, the proxy's header, believed only when the
 * same request carries the proxy's shared secret (compared in constant time). A certificate header without that secret
 * — or any certificate header while the header path is off — is forged.
 */
@Component
class PresentedCertificates {

    /** What a request presents. */
    sealed interface Presented permits Certificate, Nothing, Forged {
    }

    /** A certificate, with the chain that came with it (leaf first), and how it came. */
    record Certificate(X509Certificate leaf, List<X509Certificate> chain, String via) implements Presented {
    }

    /** No usable certificate, and why. */
    record Nothing(String reason) implements Presented {
    }

    /** A certificate header the proxy did not set, and why it is known. */
    record Forged(String reason) implements Presented {
    }

    private final CertificateLoginProperties.Header header;
    private final MutualTlsConnector mutualTls;
    private final byte[] secretDigest;

    PresentedCertificates(CertificateLoginProperties properties, MutualTlsConnector mutualTls) {
        this.header = properties.header();
        this.mutualTls = mutualTls;
        this.secretDigest = header.secret() == null ? null : digest(header.secret().strip());
    }

    Presented from(HttpServletRequest request) {
        if (mutualTls.servedBy(request)) {
            return request.getAttribute(MutualTlsConnector.CERTIFICATES) instanceof X509Certificate[] chain
                    && chain.length > 0 ? new Certificate(chain[0], Arrays.asList(chain), "mutual TLS")
                    : new Nothing("no certificate from the mutual TLS handshake");
        }
        String escaped = request.getHeader(header.name());
        if (!header.enabled()) {
            return escaped == null ? new Nothing("certificate login is not offered on this connector")
                    : new Forged("certificate header " + header.name() + " while the header path is off");
        }
        if (escaped == null || escaped.isBlank()) {
            return new Nothing("no certificate header from the proxy");
        }
        String secret = request.getHeader(header.secretName());
        if (secret == null) {
            return new Forged("certificate header without the proxy's secret");
        }
        if (!MessageDigest.isEqual(digest(secret.strip()), secretDigest)) {
            return new Forged("certificate header with a wrong proxy secret");
        }
        if (escaped.length() > PemCertificates.MAX_PEM) {
            return new Nothing("certificate header too long");
        }
        try {
            List<X509Certificate> certificates = PemCertificates.parse(PemCertificates.unescape(escaped));
            return certificates.isEmpty() ? new Nothing("no certificate in the proxy's header")
                    : new Certificate(certificates.getFirst(), certificates, "proxy header");
        } catch (CertificateException | IllegalArgumentException e) {
            return new Nothing("unreadable certificate in the proxy's header");
        }
    }

    /** Secrets are compared as digests, so the comparison takes the same time whatever their lengths. */
    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
