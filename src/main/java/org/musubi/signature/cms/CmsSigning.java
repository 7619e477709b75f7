package org.musubi.signature.cms;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.musubi.signature.SigningDevice;
import org.musubi.signature.SigningRefused;

/**
 * Makes a detached CMS SignedData (CAdES baseline B-B) over content with a {@link SigningDevice}: signed attributes
 * content-type (id-data), message-digest (SHA-256), signing-certificate-v2 (ESS, RFC 5035: the SHA-256 hash of the
 * signer's certificate with its issuer and serial) and CMS algorithm protection; the signer's chain as the
 * certificates. A PAdES signature carries no {@code signing-time} attribute (ETSI EN 319 142-1: the time is the PDF's
 * {@code /M}); a Bundle's detached signature does.
 */
public final class CmsSigning {

    private CmsSigning() {
    }

    /** The DER SignedData over {@code content}; {@code signingTime} present adds the signing-time attribute. */
    public static byte[] sign(SigningDevice device, byte[] content, Optional<Instant> signingTime) {
        X509Certificate certificate = device.chain().getFirst();
        try {
            Hashtable<ASN1Encodable, Attribute> attributes = new Hashtable<>();
            put(attributes, signingCertificateV2(certificate));
            signingTime.ifPresent(time -> put(attributes,
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(time))))));
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    // the standard generator adds a signing-time of its own when none is given: a PAdES one must not
                    .setSignedAttributeGenerator(parameters -> signingTime.isPresent() ? standard.getAttributes(parameters)
                            : standard.getAttributes(parameters).remove(CMSAttributes.signingTime))
                    .build(new DeviceContentSigner(device), certificate);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(device.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new SigningRefused(SigningRefused.Reason.DEVICE_FAILED, e);
        }
    }

    /** The SHA-256 digest of {@code data}: what every signer here signs over. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void put(Hashtable<ASN1Encodable, Attribute> attributes, Attribute attribute) {
        attributes.put(attribute.getAttrType(), attribute);
    }

    private static Attribute signingCertificateV2(X509Certificate certificate) throws CertificateEncodingException {
        byte[] hash = sha256(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        // SHA-256 is ESSCertIDv2's default hash algorithm, so it is left out of the encoding (RFC 5035)
        ESSCertIDv2 id = new ESSCertIDv2(hash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }
}
