package org.musubi.signature.keys;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.musubi.signature.SigningDevice;
import org.musubi.signature.SigningRefused;

/**
 * Each user's software signing key, issued by the demo CA at their first signature: a new key pair and a certificate
 * naming them as {@link SignerProfiles} does. A key whose certificate has ended, or no longer names the user as they
 * are now (another name, facility or profession), is replaced by a new one; the old row is kept, superseded.
 */
public final class SoftwareKeys {

    private final SigningKeys keys;
    private final SealedKeys sealed;
    private final DemoAuthority authority;
    private final SignerProfiles profiles;
    private final Clock clock;
    private final KeyIssuer issuer = new KeyIssuer();
    private final KeySettings settings;

    public SoftwareKeys(SigningKeys keys, SealedKeys sealed, DemoAuthority authority, SignerProfiles profiles, Clock clock,
                        KeySettings settings) {
        this.keys = keys;
        this.sealed = sealed;
        this.authority = authority;
        this.profiles = profiles;
        this.clock = clock;
        this.settings = settings;
    }

    /** The user's key as a signing device, issued now when they have no usable one (the database must be writable). */
    public SigningDevice deviceOf(long userId) {
        X500Name subject = profiles.subjectOf(userId).orElseThrow(() -> new SigningRefused(SigningRefused.Reason.NO_SIGNER));
        if (!settings.demoCa()) {
            throw new SigningRefused(SigningRefused.Reason.NO_ISSUER);
        }
        DemoAuthority.Issuer ca = authority.issuer();
        Optional<SigningKeys.StoredKey> live = keys.liveKeyOf(userId);
        if (live.isPresent() && usable(DemoAuthority.certificate(live.get().certificate()), subject)) {
            return device(userId, live.get(), ca.certificate());
        }
        KeyPair pair = issuer.newKeyPair(settings.algorithm());
        Instant now = clock.instant();
        Instant notBefore = now.minus(Duration.ofMinutes(5));
        X509Certificate certificate = issuer.issue(subject, pair, ca.certificate(), ca.key(), notBefore,
                now.plus(settings.userValidity()));
        keys.store(new SigningKeys.NewKey(Optional.of(userId), settings.algorithm(), DemoAuthority.encoded(certificate),
                sealed.seal(Optional.of(userId), pair.getPrivate()), notBefore, certificate.getNotAfter().toInstant()),
                live.map(SigningKeys.StoredKey::id));
        SigningKeys.StoredKey stored = keys.liveKeyOf(userId)
                .orElseThrow(() -> new IllegalStateException("a signing key was stored but cannot be read"));
        return device(userId, stored, ca.certificate());
    }

    private boolean usable(X509Certificate certificate, X500Name subject) {
        Date now = Date.from(clock.instant());
        return !now.before(certificate.getNotBefore()) && !now.after(certificate.getNotAfter())
                && X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).equals(subject);
    }

    private SigningDevice device(long userId, SigningKeys.StoredKey key, X509Certificate ca) {
        return new SoftwareDevice(sealed.open(Optional.of(userId), key.algorithm(), key.sealedPrivateKey()),
                List.of(DemoAuthority.certificate(key.certificate()), ca));
    }
}
