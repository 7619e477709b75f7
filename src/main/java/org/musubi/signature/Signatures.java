package org.musubi.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.signature.cms.CertificateSubjects;
import org.musubi.signature.cms.CmsSigning;
import org.musubi.signature.cms.CmsVerifier;
import org.musubi.signature.keys.SoftwareKeys;
import org.musubi.signature.pdf.PadesSigning;
import org.musubi.signature.pdf.PadesVerifier;

/**
 * Signing and verifying letters: the module's API. A PDF gets a PAdES baseline B-B signature (ETSI.CAdES.detached), a
 * FHIR document Bundle a detached CMS SignedData (CAdES-B-B, {@code application/pkcs7-signature}) over its exact bytes
 * as stored. {@code signPdf(userId, …)} and {@code signBundle(userId, …)} sign with the user's software key (issued on
 * demand by the demo CA); the overloads taking a {@link SigningDevice} or a {@link CmsSigningService} sign with an HPKI
 * card or a remote signing service. Every signature made is verified before it is returned. Signing is refused on a
 * read-only standby ({@link SigningRefused.Reason#STANDBY}); verifying works everywhere and writes nothing.
 */
public final class Signatures {

    /** The FHIR {@code Signature.sigFormat} of a Bundle's detached signature. */
    public static final String BUNDLE_SIGNATURE_FORMAT = "application/pkcs7-signature";

    private final SoftwareKeys keys;
    private final CmsVerifier verifier;
    private final PadesVerifier pdfVerifier;
    private final BooleanSupplier readOnly;
    private final Clock clock;

    public Signatures(SoftwareKeys keys, CmsVerifier verifier, BooleanSupplier readOnly, Clock clock) {
        this.keys = keys;
        this.verifier = verifier;
        this.pdfVerifier = new PadesVerifier(verifier);
        this.readOnly = readOnly;
        this.clock = clock;
    }

    /** The PDF signed with the user's software key. */
    public byte[] signPdf(long userId, byte[] pdf) {
        refuseOnStandby();
        return signPdf(keys.deviceOf(userId), pdf);
    }

    /** The PDF signed by {@code device} (an HPKI card's middleware, a remote service answering raw signatures). */
    public byte[] signPdf(SigningDevice device, byte[] pdf) {
        refuseOnStandby();
        Instant now = clock.instant();
        String name = CertificateSubjects.read(device.chain().getFirst()).name();
        return PadesSigning.sign(pdf, name, now, range -> checked(range, CmsSigning.sign(device, range, Optional.empty())));
    }

    /** The PDF signed by a remote service answering a whole CMS over the byte range's digest. */
    public byte[] signPdf(CmsSigningService service, byte[] pdf) {
        refuseOnStandby();
        return PadesSigning.sign(pdf, "", clock.instant(), range -> checked(range, service.signContentDigest(CmsSigning.sha256(range))));
    }

    /** A detached CMS signature (DER) over the Bundle's bytes, with the user's software key. */
    public byte[] signBundle(long userId, byte[] bundle) {
        refuseOnStandby();
        return signBundle(keys.deviceOf(userId), bundle);
    }

    /** A detached CMS signature (DER) over the Bundle's bytes, by {@code device}. */
    public byte[] signBundle(SigningDevice device, byte[] bundle) {
        refuseOnStandby();
        return checked(bundle, CmsSigning.sign(device, bundle, Optional.of(clock.instant())));
    }

    /** A detached CMS signature (DER) over the Bundle's bytes, made by a remote service from their digest. */
    public byte[] signBundle(CmsSigningService service, byte[] bundle) {
        refuseOnStandby();
        return checked(bundle, service.signContentDigest(CmsSigning.sha256(bundle)));
    }

    /** The verdict on a PDF's signatures. */
    public Verification verifyPdf(byte[] pdf) {
        return pdfVerifier.verify(pdf);
    }

    /** The verdict on a Bundle's detached signature; an empty or missing signature is NOT_SIGNED. */
    public Verification verifyBundle(byte[] bundle, byte[] signature) {
        if (signature == null || signature.length == 0) {
            return Verification.of(SignatureStatus.NOT_SIGNED, "signature.status.NOT_SIGNED");
        }
        return verifier.verify(bundle, signature, Optional.empty());
    }

    /**
     * {@code cms} when its signature holds over {@code content}: a device or service that answered a wrong value is
     * refused here, not discovered by the recipient. The chain is not judged (the signer may be trusted only by the
     * recipient), only that the signature is intact.
     */
    private byte[] checked(byte[] content, byte[] cms) {
        SignatureStatus status = verifier.verify(content, cms, Optional.of(clock.instant())).status();
        if (status == SignatureStatus.TAMPERED || status == SignatureStatus.MALFORMED) {
            throw new SigningRefused(SigningRefused.Reason.DEVICE_FAILED);
        }
        return cms;
    }

    private void refuseOnStandby() {
        if (readOnly.getAsBoolean()) {
            throw new SigningRefused(SigningRefused.Reason.STANDBY, new ReadOnlyStandbyException());
        }
    }

}
