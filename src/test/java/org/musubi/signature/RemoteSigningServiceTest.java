package org.musubi.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.signature.SigningFixtures.bundleJson;
import static org.musubi.signature.SigningFixtures.letterPdf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.signature.SigningFixtures.Issued;
import org.musubi.signature.SigningFixtures.TestCa;
import org.musubi.signature.SigningFixtures.World;
import org.musubi.signature.cms.CmsSigning;
import org.musubi.signature.cms.TrustAnchors;
import org.musubi.signature.keys.SoftwareDevice;
import org.musubi.testing.TestCertificates;

/**
 * The seams for signers outside Musubi, through a remote signing service as an HPKI カードレス署名 service would be.
 * {@link FakeRemoteSigningService} is a MOCK OF AN OUTSIDE SERVICE, written for this test: it has its own CA (trusted by
 * the operator through a PEM file, as {@code musubi.signature.trust-anchors} would list it), hands out its signer's
 * certificate, and for a SHA-256 hash answers either a raw signature value or a whole detached CMS. No real service is
 * called.
 */
class RemoteSigningServiceTest {

    @TempDir
    Path dir;

    @Test
    void aRemoteServiceSigningHashesMakesValidPdfAndBundleSignatures() throws Exception {
        FakeRemoteSigningService service = new FakeRemoteSigningService();
        Signatures signatures = trusting(service.caCertificate());

        SigningDevice remote = service.asDevice();
        Verification pdf = signatures.verifyPdf(signatures.signPdf(remote, letterPdf()));
        Verification bundle = signatures.verifyBundle(bundleJson(), signatures.signBundle(remote, bundleJson()));

        assertThat(pdf.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(pdf.signer().orElseThrow().name()).isEqualTo("遠隔 署名");
        assertThat(bundle.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(service.hashesSigned).as("the service saw hashes only, never the document").allSatisfy(
                hash -> assertThat(hash).hasSize(32));
    }

    @Test
    void aRemoteServiceAnsweringAWholeCmsIsCheckedAndEmbedded() throws Exception {
        FakeRemoteSigningService service = new FakeRemoteSigningService();
        Signatures signatures = trusting(service.caCertificate());

        Verification pdf = signatures.verifyPdf(signatures.signPdf(service.asCmsService(), letterPdf()));
        Verification bundle = signatures.verifyBundle(bundleJson(), signatures.signBundle(service.asCmsService(), bundleJson()));

        assertThat(pdf.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(bundle.status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void aCmsOverAnotherDigestIsRefused() throws Exception {
        FakeRemoteSigningService service = new FakeRemoteSigningService();
        Signatures signatures = trusting(service.caCertificate());
        CmsSigningService confused = hash -> service.asCmsService()
                .signContentDigest(CmsSigning.sha256("another document".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> signatures.signBundle(confused, bundleJson()))
                .isInstanceOfSatisfying(SigningRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.DEVICE_FAILED));
    }

    @Test
    void withoutItsCaInTheTrustAnchorsTheRemoteSignerIsUnknown() {
        FakeRemoteSigningService service = new FakeRemoteSigningService();
        Signatures untrusting = new World().signatures();

        assertThat(untrusting.verifyBundle(bundleJson(), untrusting.signBundle(service.asDevice(), bundleJson())).status())
                .isEqualTo(SignatureStatus.UNKNOWN_CA);
    }

    /** Trusts {@code ca} as the operator would: a PEM file read by {@link TrustAnchors#read}. */
    private Signatures trusting(X509Certificate ca) throws Exception {
        Path pem = dir.resolve("remote-ca.pem");
        Files.writeString(pem, TestCertificates.pem(ca), StandardCharsets.US_ASCII);
        World world = new World();
        world.configuredAnchors.addAll(TrustAnchors.read(List.of(pem)));
        return world.signatures();
    }

    /**
     * A MOCK OF AN OUTSIDE SERVICE (an HPKI カードレス署名 service): not Musubi code, and not a real service. It keeps its
     * signer's key to itself; Musubi gets the certificate and sends hashes. It builds its CMS answers with Bouncy Castle
     * itself, as any such service would with its own toolkit.
     */
    static final class FakeRemoteSigningService {

        private final TestCa ca = TestCa.named("Fake remote signing service CA");
        private final Issued signer = ca.issue("遠隔 署名", "EC", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
        private final SoftwareDevice key = new SoftwareDevice(signer.key(), signer.chain());
        final List<byte[]> hashesSigned = new ArrayList<>();

        X509Certificate caCertificate() {
            return ca.certificate();
        }

        /** The service's "get certificate" and "sign hash, answer a raw signature" calls, as a device. */
        SigningDevice asDevice() {
            return new SigningDevice() {
                @Override
                public List<X509Certificate> chain() {
                    return signer.chain();
                }

                @Override
                public String algorithm() {
                    return key.algorithm();
                }

                @Override
                public byte[] signDigest(byte[] sha256) {
                    hashesSigned.add(sha256.clone());
                    return key.signDigest(sha256);
                }
            };
        }

        /** The service's "sign hash, answer CMS" call: a detached CMS whose message-digest is the hash it was sent. */
        CmsSigningService asCmsService() {
            return sha256 -> {
                hashesSigned.add(sha256.clone());
                try {
                    return cmsOverDigest(sha256);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }

        private byte[] cmsOverDigest(byte[] sha256) throws Exception {
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator();
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(parameters -> {
                        // the content is absent: the message digest is the one the service was sent
                        Map<String, Object> overTheHash = new HashMap<>(parameters);
                        overTheHash.put(CMSAttributeTableGenerator.DIGEST, sha256);
                        return standard.getAttributes(overTheHash);
                    })
                    .build(new JcaContentSignerBuilder(key.algorithm()).build(signer.key()), signer.chain().getFirst());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(signer.chain()));
            return generator.generate(new CMSAbsentContent(), false).getEncoded();
        }
    }
}
