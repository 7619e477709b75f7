package org.musubi.security.internal.certificate;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff login with a client certificate. Both ways in are off by default; whichever is on, Musubi checks the
 * certificate itself against {@code trustAnchors}.
 *
 * @param trustAnchors PEM files of the certificate authorities whose user certificates may log in (each file may hold
 *                     several certificates; every one is a trust anchor). Read at each certificate login, so a changed
 *                     file takes effect without a restart
 * @param header       the certificate as a header set by a TLS-terminating reverse proxy
 * @param mutualTls    a second connector of Musubi's own that asks every client for a certificate
 */
@ConfigurationProperties("musubi.security.certificates")
public record CertificateLoginProperties(
        @DefaultValue List<Path> trustAnchors,
        @DefaultValue Header header,
        @DefaultValue MutualTls mutualTls) {

    /** The shortest shared secret accepted: a proxy's secret is a random value, not a word. */
    static final int MIN_SECRET_LENGTH = 24;

    public CertificateLoginProperties {
        trustAnchors = List.copyOf(trustAnchors);
        if ((header.enabled() || mutualTls.enabled()) && trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("musubi.security.certificates.trust-anchors must name at least one PEM "
                    + "file when certificate login is enabled");
        }
    }

    /** Whether any way of logging in with a certificate is on. */
    public boolean enabled() {
        return header.enabled() || mutualTls.enabled();
    }

    /**
     * The certificate as a header from the proxy (nginx: {@code proxy_set_header X-SSL-Client-Cert
     * $ssl_client_escaped_cert;}), believed only together with the proxy's secret header.
     *
     * @param enabled    whether the header is read at all
     * @param name       the header carrying the URL-encoded PEM of the client's certificate
     * @param secretName the header carrying the shared secret the proxy sets on every request
     * @param secret     the shared secret (at least {@value CertificateLoginProperties#MIN_SECRET_LENGTH} characters;
     *                   from the environment, {@code MUSUBI_SECURITY_CERTIFICATES_HEADER_SECRET})
     */
    public record Header(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("X-SSL-Client-Cert") String name,
            @DefaultValue("X-Musubi-Proxy-Secret") String secretName,
            String secret) {

        public Header {
            if (enabled && (secret == null || secret.strip().length() < MIN_SECRET_LENGTH)) {
                throw new IllegalArgumentException("musubi.security.certificates.header.secret must be at least "
                        + MIN_SECRET_LENGTH + " characters when the certificate header is enabled");
            }
            if (enabled && (blank(name) || blank(secretName) || name.equalsIgnoreCase(secretName))) {
                throw new IllegalArgumentException("musubi.security.certificates.header.name and secret-name must be "
                        + "two different header names");
            }
        }
    }

    /**
     * A second HTTPS connector that requires a client certificate (TLS client authentication {@code need}); the
     * certificate factor is honoured only on requests that came through it.
     *
     * @param enabled            whether the connector is opened
     * @param address            the address it listens on
     * @param port               its port
     * @param keyStore           the server's key and certificate chain
     * @param keyStorePassword   the key store's password (also the key's)
     * @param keyStoreType       the key store's type
     * @param trustStore         the CAs whose client certificates the TLS handshake accepts (Musubi checks the
     *                           certificate against {@code trust-anchors} again at login)
     * @param trustStorePassword the trust store's password
     * @param trustStoreType     the trust store's type
     */
    public record MutualTls(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0.0.0.0") String address,
            @DefaultValue("8443") int port,
            Path keyStore,
            String keyStorePassword,
            @DefaultValue("PKCS12") String keyStoreType,
            Path trustStore,
            String trustStorePassword,
            @DefaultValue("PKCS12") String trustStoreType) {

        public MutualTls {
            if (enabled && (keyStore == null || trustStore == null)) {
                throw new IllegalArgumentException("musubi.security.certificates.mutual-tls needs key-store and "
                        + "trust-store when enabled");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("musubi.security.certificates.mutual-tls.port must be a port number");
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
