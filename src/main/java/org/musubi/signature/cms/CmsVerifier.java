package org.musubi.signature.cms;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.musubi.signature.SignatureStatus;
import org.musubi.signature.Verification;

/**
 * Verifies a detached CMS SignedData over content: one signer; its certificate inside; the message digest and the
 * signature value (else TAMPERED); the signing-certificate-v2 attribute, when present, names that certificate (else
 * TAMPERED: a substituted certificate); the certificate valid at the signing time (else CERTIFICATE_EXPIRED); a PKIX
 * path from it to a trust anchor at the signing time, through the certificates the CMS carries (else UNKNOWN_CA).
 * Revocation is not checked (no CRL or OCSP is reachable from here; docs/signatures.md).
 */
public final class CmsVerifier {

    private final TrustAnchors anchors;
    private final Clock clock;

    public CmsVerifier(TrustAnchors anchors, Clock clock) {
        this.anchors = anchors;
        this.clock = clock;
    }

    /**
     * The verdict on {@code cms} over {@code content}; {@code claimedTime} is the signing time the container states
     * (a PDF's {@code /M}), else the CMS signing-time attribute is read, else now.
     */
    public Verification verify(byte[] content, byte[] cms, Optional<Instant> claimedTime) {
        SignerInformation signer;
        CMSSignedData data;
        X509Certificate certificate;
        List<X509Certificate> carried = new ArrayList<>();
        try {
            data = new CMSSignedData(new CMSProcessableByteArray(content), cms);
            if (data.getSignerInfos().size() != 1) {
                return Verdicts.of(SignatureStatus.MALFORMED);
            }
            signer = data.getSignerInfos().getSigners().iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder holder : data.getCertificates().getMatches(null)) {
                carried.add(converter.getCertificate(holder));
            }
            @SuppressWarnings("unchecked")
            var matches = data.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return Verdicts.of(SignatureStatus.MALFORMED);
            }
            certificate = converter.getCertificate((X509CertificateHolder) matches.iterator().next());
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            return Verdicts.of(SignatureStatus.MALFORMED);
        }
        Instant signingTime = claimedTime.or(() -> signingTimeOf(signer)).orElseGet(clock::instant);
        if (!intact(signer, certificate)) {
            return Verdicts.of(SignatureStatus.TAMPERED, "TAMPERED", certificate, signingTime);
        }
        try {
            certificate.checkValidity(Date.from(signingTime));
        } catch (CertificateExpiredException e) {
            return Verdicts.of(SignatureStatus.CERTIFICATE_EXPIRED, "CERTIFICATE_EXPIRED", certificate, signingTime);
        } catch (CertificateNotYetValidException e) {
            return Verdicts.of(SignatureStatus.CERTIFICATE_EXPIRED, "CERTIFICATE_NOT_YET_VALID", certificate, signingTime);
        }
        SignatureStatus chain = chains(certificate, carried, signingTime);
        return Verdicts.of(chain, chain.name(), certificate, signingTime);
    }

    private static boolean intact(SignerInformation signer, X509Certificate certificate) {
        try {
            // built on the public key alone, so that Bouncy Castle checks the digest and signature, not the validity
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))) {
                return false;
            }
            return namesItsCertificate(signer, certificate);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** An ESS signing-certificate-v2 attribute, when present, must hash to the certificate the signer is verified with. */
    private static boolean namesItsCertificate(SignerInformation signer, X509Certificate certificate)
            throws GeneralSecurityException {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return true;
        }
        ESSCertIDv2 first = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
        String digest = new DefaultAlgorithmNameFinder().getAlgorithmName(first.getHashAlgorithm().getAlgorithm());
        byte[] hash = MessageDigest.getInstance(digest.replace("SHA", "SHA-")).digest(certificate.getEncoded());
        return Arrays.equals(hash, first.getCertHash());
    }

    private static Optional<Instant> signingTimeOf(SignerInformation signer) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute time = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private SignatureStatus chains(X509Certificate certificate, List<X509Certificate> carried, Instant at) {
        Set<TrustAnchor> trusted = anchors.now();
        if (trusted.isEmpty()) {
            return SignatureStatus.UNKNOWN_CA;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return SignatureStatus.VALID;
        } catch (GeneralSecurityException e) {
            return expiredOnTheWay(certificate, carried, at) ? SignatureStatus.CERTIFICATE_EXPIRED : SignatureStatus.UNKNOWN_CA;
        }
    }

    /**
     * Whether a CA certificate the signature carries on the signer's issuer chain (followed by name) was not valid at
     * the signing time: then the path failed for time, not for an unknown CA, and the recipient is told so.
     */
    private static boolean expiredOnTheWay(X509Certificate certificate, List<X509Certificate> carried, Instant at) {
        X509Certificate current = certificate;
        for (int depth = 0; depth < carried.size(); depth++) {
            X509Certificate issued = current;
            Optional<X509Certificate> issuer = carried.stream()
                    .filter(c -> !c.equals(issued) && c.getSubjectX500Principal().equals(issued.getIssuerX500Principal()))
                    .findFirst();
            if (issuer.isEmpty()) {
                return false;
            }
            try {
                issuer.get().checkValidity(Date.from(at));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return true;
            }
            current = issuer.get();
        }
        return false;
    }
}
