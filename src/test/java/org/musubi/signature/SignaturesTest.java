package org.musubi.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.signature.SigningFixtures.DOCTOR;
import static org.musubi.signature.SigningFixtures.RESIDENT;
import static org.musubi.signature.SigningFixtures.bundleJson;
import static org.musubi.signature.SigningFixtures.indexOf;
import static org.musubi.signature.SigningFixtures.letterPdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.signature.SigningFixtures.TestCa;
import org.musubi.signature.SigningFixtures.World;

/** Signing and verifying with users' software keys from the demo CA, and every way a verification fails. */
class SignaturesTest {

    private final World world = new World();
    private final Signatures signatures = world.signatures();

    @Test
    void aPdfSignedWithTheUsersSoftwareKeyVerifiesAndNamesTheSigner() throws Exception {
        byte[] signed = signatures.signPdf(DOCTOR, letterPdf());

        Verification verification = signatures.verifyPdf(signed);

        assertThat(verification.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verification.messageKey()).isEqualTo("signature.status.VALID");
        SignerIdentity signer = verification.signer().orElseThrow();
        assertThat(signer.name()).isEqualTo("結野 医子");
        assertThat(signer.facility()).contains("結び総合病院");
        assertThat(signer.institutionCode()).contains("3412345674");
        assertThat(signer.profession()).contains("DOCTOR");
        assertThat(verification.signingTime().orElseThrow()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(verification.notAfter().orElseThrow()).isAfter(Instant.now().plus(Duration.ofDays(700)));
        assertThat(verification.arguments()).startsWith("結野 医子", "結び総合病院");
        assertThat(verification.signatures()).isEqualTo(1);
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(document.getSignatureDictionaries().getFirst().getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        }
    }

    @Test
    void aPadesSignatureCarriesSigningCertificateV2AndNoCmsSigningTime() throws Exception {
        byte[] signed = signatures.signPdf(DOCTOR, letterPdf());

        SignerInformation signer = signerOf(cmsOf(signed));

        assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
    }

    @Test
    void rsaKeysSignAndVerifyToo() {
        World rsa = new World("RSA", true);
        Signatures withRsa = rsa.signatures();

        assertThat(withRsa.verifyPdf(withRsa.signPdf(DOCTOR, letterPdf())).status()).isEqualTo(SignatureStatus.VALID);
        assertThat(withRsa.verifyBundle(bundleJson(), withRsa.signBundle(DOCTOR, bundleJson())).status())
                .isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void theUsersKeyIsIssuedOnceAndItsPrivateKeyIsStoredSealed() {
        signatures.signPdf(DOCTOR, letterPdf());
        signatures.signBundle(DOCTOR, bundleJson());

        assertThat(world.keys.rows).hasSize(2);
        assertThat(world.keys.rows.stream().filter(r -> r.userId().isPresent())).hasSize(1);
        SigningKeysRow row = SigningKeysRow.of(world);
        assertThat(java.util.Collections.indexOfSubList(boxed(row.sealed()), boxed(row.plainPrefix())))
                .as("the PKCS#8 key is not stored in the clear").isEqualTo(-1);
    }

    @Test
    void oneByteChangedInsideTheSignedRangeIsTampered() throws Exception {
        byte[] signed = signatures.signPdf(DOCTOR, letterPdf());
        int at = indexOf(signed, "Musubi Taro");
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getSignatureDictionaries().getFirst().getByteRange();
        }
        assertThat(at).as("the changed byte lies in the signed range").isLessThan(range[1]);

        signed[at] = 'N';

        Verification verification = signatures.verifyPdf(signed);
        assertThat(verification.status()).isEqualTo(SignatureStatus.TAMPERED);
        assertThat(verification.messageKey()).isEqualTo("signature.status.TAMPERED");
    }

    @Test
    void contentAppendedAfterTheSignatureIsTampered() {
        byte[] signed = signatures.signPdf(DOCTOR, letterPdf());
        byte[] appended = Arrays.copyOf(signed, signed.length + 20);
        System.arraycopy("\n% added later\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 15);

        Verification verification = signatures.verifyPdf(appended);

        assertThat(verification.status()).isEqualTo(SignatureStatus.TAMPERED);
        assertThat(verification.messageKey()).isEqualTo("signature.status.CHANGED_AFTER_SIGNING");
    }

    @Test
    void anUnsignedPdfIsNotSignedAndGarbageIsMalformed() {
        assertThat(signatures.verifyPdf(letterPdf()).status()).isEqualTo(SignatureStatus.NOT_SIGNED);
        assertThat(signatures.verifyPdf(letterPdf()).signatures()).isZero();
        assertThat(signatures.verifyPdf("not a pdf".getBytes(StandardCharsets.US_ASCII)).status())
                .isEqualTo(SignatureStatus.MALFORMED);
        assertThat(signatures.verifyBundle(bundleJson(), new byte[] {0x30, 0x03, 1, 2, 3}).status())
                .isEqualTo(SignatureStatus.MALFORMED);
    }

    @Test
    void aBundleSignatureVerifiesOverTheExactBytesAndCarriesItsSigningTime() throws Exception {
        byte[] bundle = bundleJson();
        byte[] signature = signatures.signBundle(DOCTOR, bundle);

        Verification verification = signatures.verifyBundle(bundle, signature);

        assertThat(verification.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verification.signer().orElseThrow().name()).isEqualTo("結野 医子");
        assertThat(verification.signingTime().orElseThrow()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(signerOf(new CMSSignedData(signature)).getSignedAttributes().get(CMSAttributes.signingTime)).isNotNull();
    }

    @Test
    void aChangedBundleIsTamperedAndAMissingSignatureIsNotSigned() {
        byte[] bundle = bundleJson();
        byte[] signature = signatures.signBundle(DOCTOR, bundle);
        byte[] changed = new String(bundle, StandardCharsets.UTF_8).replace("\"final\"", "\"amended\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] reformatted = (new String(bundle, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(signatures.verifyBundle(changed, signature).status()).isEqualTo(SignatureStatus.TAMPERED);
        assertThat(signatures.verifyBundle(reformatted, signature).status())
                .as("the signature is over the exact bytes: even whitespace counts").isEqualTo(SignatureStatus.TAMPERED);
        assertThat(signatures.verifyBundle(bundle, new byte[0]).status()).isEqualTo(SignatureStatus.NOT_SIGNED);
    }

    @Test
    void aCertificateExpiredAtTheSigningTimeSaysSoWithItsDates() {
        TestCa ca = TestCa.named("Expired test CA");
        world.configuredAnchors.add(ca.certificate());
        Signatures trusting = world.signatures();
        Instant start = Instant.parse("2023-04-01T00:00:00Z");
        Instant end = Instant.parse("2024-03-31T00:00:00Z");
        SigningDevice expired = ca.signer("期限 切子", "EC", start, end);

        Verification pdf = trusting.verifyPdf(trusting.signPdf(expired, letterPdf()));
        Verification bundle = trusting.verifyBundle(bundleJson(), trusting.signBundle(expired, bundleJson()));

        assertThat(pdf.status()).isEqualTo(SignatureStatus.CERTIFICATE_EXPIRED);
        assertThat(pdf.messageKey()).isEqualTo("signature.status.CERTIFICATE_EXPIRED");
        assertThat(pdf.notBefore()).contains(start);
        assertThat(pdf.notAfter()).contains(end);
        assertThat(pdf.arguments()).contains("2023-04-01 09:00", "2024-03-31 09:00");
        assertThat(bundle.status()).isEqualTo(SignatureStatus.CERTIFICATE_EXPIRED);
    }

    @Test
    void aCertificateNotYetValidIsToldApart() {
        TestCa ca = TestCa.named("Future test CA");
        world.configuredAnchors.add(ca.certificate());
        Signatures trusting = world.signatures();
        SigningDevice future = ca.signer("未来 先子", "EC", Instant.now().plus(Duration.ofDays(10)),
                Instant.now().plus(Duration.ofDays(400)));

        Verification verification = trusting.verifyBundle(bundleJson(), trusting.signBundle(future, bundleJson()));

        assertThat(verification.status()).isEqualTo(SignatureStatus.CERTIFICATE_EXPIRED);
        assertThat(verification.messageKey()).isEqualTo("signature.status.CERTIFICATE_NOT_YET_VALID");
    }

    @Test
    void aCertificateFromAnotherCaIsUnknown() {
        SigningDevice stranger = TestCa.named("Untrusted CA").signer("他所 者");

        Verification pdf = signatures.verifyPdf(signatures.signPdf(stranger, letterPdf()));
        Verification bundle = signatures.verifyBundle(bundleJson(), signatures.signBundle(stranger, bundleJson()));

        assertThat(pdf.status()).isEqualTo(SignatureStatus.UNKNOWN_CA);
        assertThat(pdf.signer().orElseThrow().name()).isEqualTo("他所 者");
        assertThat(bundle.status()).isEqualTo(SignatureStatus.UNKNOWN_CA);
    }

    @Test
    void aTrustedCaConfiguredByTheOperatorMakesItsSignersValid() {
        TestCa ca = TestCa.named("Regional CA");
        world.configuredAnchors.add(ca.certificate());
        Signatures trusting = world.signatures();

        assertThat(trusting.verifyPdf(trusting.signPdf(ca.signer("地域 医師"), letterPdf())).status())
                .isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void theDemoCaIsNeitherMadeNorTrustedWhenOff() {
        World off = new World("EC", false);
        Signatures production = off.signatures();

        assertThatThrownBy(() -> production.signPdf(DOCTOR, letterPdf()))
                .isInstanceOfSatisfying(SigningRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.NO_ISSUER));
        byte[] signedByDemo = signatures.signPdf(DOCTOR, letterPdf());
        assertThat(production.verifyPdf(signedByDemo).status()).isEqualTo(SignatureStatus.UNKNOWN_CA);
        assertThat(off.keys.rows).isEmpty();
    }

    @Test
    void aResidentOrAnUnknownUserCannotSign() {
        assertThatThrownBy(() -> signatures.signBundle(RESIDENT, bundleJson()))
                .isInstanceOfSatisfying(SigningRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signature.refused.noSigner"));
        assertThatThrownBy(() -> signatures.signBundle(404, bundleJson())).isInstanceOf(SigningRefused.class);
        assertThat(world.keys.rows).isEmpty();
    }

    @Test
    void aReadOnlyStandbyRefusesSigningButVerifies() {
        byte[] signed = signatures.signPdf(DOCTOR, letterPdf());
        int rows = world.keys.rows.size();
        world.readOnly = true;

        assertThatThrownBy(() -> signatures.signPdf(DOCTOR, letterPdf()))
                .isInstanceOfSatisfying(SigningRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(SigningRefused.Reason.STANDBY);
                    assertThat(e.getMessage()).startsWith("署名は主系でのみできます").contains("read-only standby");
                    assertThat(ReadOnlyStandbyException.causedBy(e)).isTrue();
                });
        assertThatThrownBy(() -> signatures.signBundle(DOCTOR, bundleJson())).isInstanceOf(SigningRefused.class);
        assertThat(signatures.verifyPdf(signed).status()).isEqualTo(SignatureStatus.VALID);
        assertThat(world.keys.rows).hasSize(rows);
    }

    @Test
    void aDeviceAnsweringAWrongSignatureIsRefusedBeforeAnythingIsReturned() {
        SigningDevice honest = TestCa.named("Device CA").signer("機器 太郎");
        SigningDevice broken = new SigningDevice() {
            @Override
            public java.util.List<X509Certificate> chain() {
                return honest.chain();
            }

            @Override
            public String algorithm() {
                return honest.algorithm();
            }

            @Override
            public byte[] signDigest(byte[] sha256) {
                byte[] other = sha256.clone();
                other[0] ^= 1;
                return honest.signDigest(other);
            }
        };

        assertThatThrownBy(() -> signatures.signBundle(broken, bundleJson()))
                .isInstanceOfSatisfying(SigningRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.DEVICE_FAILED));
        assertThatThrownBy(() -> signatures.signPdf(broken, letterPdf())).isInstanceOf(SigningRefused.class);
    }

    private static java.util.List<Byte> boxed(byte[] bytes) {
        java.util.List<Byte> list = new java.util.ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    static CMSSignedData cmsOf(byte[] signedPdf) throws IOException, org.bouncycastle.cms.CMSException {
        try (PDDocument document = Loader.loadPDF(signedPdf)) {
            PDSignature signature = document.getSignatureDictionaries().getFirst();
            return new CMSSignedData(signature.getContents(signedPdf));
        }
    }

    static SignerInformation signerOf(CMSSignedData cms) {
        return cms.getSignerInfos().getSigners().iterator().next();
    }

    /** The user's stored row: its sealed private key, and the first bytes its plain PKCS#8 encoding would have. */
    record SigningKeysRow(byte[] sealed, byte[] plainPrefix) {

        static SigningKeysRow of(World world) {
            var row = world.keys.rows.stream().filter(r -> r.userId().isPresent()).findFirst().orElseThrow();
            Optional<Long> owner = row.userId();
            byte[] plain = world.box.openBytes("signature.private-key:user:" + owner.orElseThrow(), row.sealedPrivateKey());
            assertThatThrownBy(() -> world.box.openBytes("signature.private-key:user:" + (owner.get() + 1),
                    row.sealedPrivateKey())).as("sealed for its owner only").isInstanceOf(IllegalStateException.class);
            return new SigningKeysRow(row.sealedPrivateKey(), Arrays.copyOf(plain, 32));
        }
    }
}
