package org.musubi.signature.cms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The CA certificates a signature's chain must end at: the PEM files the operator lists in
 * {@code musubi.signature.trust-anchors} (HPKI root CAs, a regional CA), read once at start, plus Musubi's own demo/test
 * CA while it is on (read when first needed, since it is made at the first signature).
 */
public final class TrustAnchors {

    private final List<X509Certificate> configured;
    private final Supplier<Optional<X509Certificate>> demoCa;

    public TrustAnchors(List<X509Certificate> configured, Supplier<Optional<X509Certificate>> demoCa) {
        this.configured = List.copyOf(configured);
        this.demoCa = demoCa;
    }

    /** Every certificate in the PEM (or DER) files; a file that cannot be read or holds none fails the start. */
    public static List<X509Certificate> read(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                int before = certificates.size();
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(c -> certificates.add((X509Certificate) c));
                if (certificates.size() == before) {
                    throw new IllegalArgumentException("musubi.signature.trust-anchors: " + file + " holds no certificate");
                }
            } catch (IOException | CertificateException e) {
                throw new IllegalArgumentException("musubi.signature.trust-anchors: " + file + " cannot be read as PEM "
                        + "certificates: " + e.getMessage(), e);
            }
        }
        return certificates;
    }

    /** The anchors now; empty when none is configured and the demo CA is off or not made yet. */
    public Set<TrustAnchor> now() {
        Set<TrustAnchor> anchors = new HashSet<>();
        configured.forEach(c -> anchors.add(new TrustAnchor(c, null)));
        demoCa.get().ifPresent(c -> anchors.add(new TrustAnchor(c, null)));
        return anchors;
    }
}
