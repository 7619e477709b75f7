package org.musubi.signature.cms;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.musubi.signature.SignerIdentity;

/**
 * The subject names of signers' certificates, written and read in one place: {@code CN} the person's display name,
 * {@code O} the facility, {@code organizationIdentifier} (2.5.4.97) {@code MIC-} and the 10-digit medical-institution
 * code, {@code title} the profession, {@code C=JP}.
 */
public final class CertificateSubjects {

    private static final String CODE_PREFIX = "MIC-";

    private CertificateSubjects() {
    }

    public static X500Name of(String name, String facility, Optional<String> institutionCode, String profession) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP");
        builder.addRDN(BCStyle.O, facility);
        institutionCode.ifPresent(code -> builder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, CODE_PREFIX + code));
        return builder.addRDN(BCStyle.T, profession).addRDN(BCStyle.CN, name).build();
    }

    /** Who a certificate names; the common name, else the whole subject, as the name. */
    public static SignerIdentity read(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String name = value(subject, BCStyle.CN).orElse(subject.toString());
        return new SignerIdentity(name, value(subject, BCStyle.O),
                value(subject, BCStyle.ORGANIZATION_IDENTIFIER).map(id -> id.startsWith(CODE_PREFIX)
                        ? id.substring(CODE_PREFIX.length()) : id),
                value(subject, BCStyle.T));
    }

    private static Optional<String> value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return Optional.of(value instanceof ASN1String text ? text.getString() : value.toString());
    }
}
