package org.musubi.signature.keys;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Musubi's own demo/test certification authority: an EC P-256 (or RSA) key and a self-signed certificate, made once —
 * at the first software signature on a writable primary — and stored like a user's key. It exists only where
 * {@code musubi.signature.demo-ca} is on (demo mode and tests by default); its certificate is then a trust anchor.
 * Once read it is kept in memory: it never changes.
 */
public final class DemoAuthority {

    /** The CA's certificate and private key. */
    public record Issuer(X509Certificate certificate, PrivateKey key) {
    }

    private final SigningKeys keys;
    private final SealedKeys sealed;
    private final KeyIssuer issuer;
    private final Clock clock;
    private final KeySettings settings;
    private volatile Issuer known;

    public DemoAuthority(SigningKeys keys, SealedKeys sealed, KeyIssuer issuer, Clock clock, KeySettings settings) {
        this.keys = keys;
        this.sealed = sealed;
        this.issuer = issuer;
        this.clock = clock;
        this.settings = settings;
    }

    /** The CA's certificate, when the demo CA is on and has been made. */
    public Optional<X509Certificate> certificate() {
        return settings.demoCa() ? stored().map(Issuer::certificate) : Optional.empty();
    }

    /** The CA, made now if it does not exist yet (the caller made sure the database is writable). */
    Issuer issuer() {
        return stored().orElseGet(() -> {
            KeyPair pair = issuer.newKeyPair(settings.algorithm());
            Instant now = clock.instant();
            Instant notBefore = now.minus(Duration.ofDays(1));
            X509Certificate certificate = issuer.selfSignedCa(KeyIssuer.DEMO_CA, pair, notBefore, now.plus(settings.caValidity()));
            keys.store(new SigningKeys.NewKey(Optional.empty(), settings.algorithm(), encoded(certificate),
                    sealed.seal(Optional.empty(), pair.getPrivate()), notBefore,
                    certificate.getNotAfter().toInstant()), Optional.empty());
            return stored().orElseThrow(() -> new IllegalStateException("the demo CA was stored but cannot be read"));
        });
    }

    private Optional<Issuer> stored() {
        Issuer cached = known;
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Issuer> read = keys.liveCa().map(key -> new Issuer(certificate(key.certificate()),
                sealed.open(Optional.empty(), key.algorithm(), key.sealedPrivateKey())));
        read.ifPresent(found -> known = found);
        return read;
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate cannot be read", e);
        }
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
