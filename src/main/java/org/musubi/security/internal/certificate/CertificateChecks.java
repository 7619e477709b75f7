package org.musubi.security.internal.certificate;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a presented certificate may be a user's first factor now: valid today, a user's (not a CA's) certificate
 * meant for client authentication when it says what it is for, and issued, through any intermediates presented with
 * it or kept in the anchor files, by one of the operator's trust anchors. Revocation is Musubi's own (an administrator
 * revokes the registration), so no CRL or OCSP is asked.
 */
final class CertificateChecks {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_PURPOSE = "2.5.29.37.0";

    private CertificateChecks() {
    }

    /** Why the certificate is refused, in words for the audit trail; empty when it passes. */
    static Optional<String> fault(X509Certificate leaf, List<X509Certificate> presented, List<X509Certificate> anchors,
                                  Instant now) {
        try {
            leaf.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return Optional.of("expired on " + leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return Optional.of("not valid before " + leaf.getNotBefore().toInstant());
        }
        if (leaf.getBasicConstraints() >= 0) {
            return Optional.of("a CA certificate, not a user's");
        }
        if (!forClientAuthentication(leaf)) {
            return Optional.of("not a certificate for client authentication");
        }
        if (anchors.isEmpty()) {
            return Optional.of("no trust anchor is configured or readable");
        }
        return chains(leaf, presented, anchors, now) ? Optional.empty()
                : Optional.of("unknown CA: no valid path to a configured trust anchor");
    }

    /** Whether the certificate may authenticate a client: it says nothing of its purposes, or names that one. */
    static boolean forClientAuthentication(X509Certificate leaf) {
        try {
            List<String> purposes = leaf.getExtendedKeyUsage();
            return purposes == null || purposes.contains(CLIENT_AUTH) || purposes.contains(ANY_PURPOSE);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean chains(X509Certificate leaf, List<X509Certificate> presented, List<X509Certificate> anchors,
                                  Instant now) {
        Set<TrustAnchor> trusted = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
        List<X509Certificate> known = new ArrayList<>(presented);
        known.add(leaf);
        known.addAll(anchors);
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        try {
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(known)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
