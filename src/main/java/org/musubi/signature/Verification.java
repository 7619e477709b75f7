package org.musubi.signature;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a verification found. {@code messageKey} names its Japanese-first text in the message bundles, with
 * {@code arguments} for its placeholders, so that a page says "{signer} ({facility}) signed on {time}; certificate
 * valid; document unchanged" or the failure and why: for an expired certificate its dates.
 *
 * @param status          the verdict (the worst of several signatures in one PDF)
 * @param signer          who signed, from the signer's certificate; empty when no certificate could be read
 * @param signingTime     when the signer says they signed (a PDF's {@code /M}, the CMS {@code signing-time}); a B-B
 *                        signature's time is the signer's claim, not a time-stamp
 * @param notBefore       the signer's certificate's validity start
 * @param notAfter        the signer's certificate's validity end
 * @param signatures      how many signatures the document carries (0 when none; 1 for a Bundle's)
 * @param messageKey      {@code signature.status.*}: the text to show
 * @param arguments       the text's arguments: signer name, facility, signing time, certificate start, end (as ISO
 *                        instants, empty strings when unknown)
 */
public record Verification(SignatureStatus status, Optional<SignerIdentity> signer, Optional<Instant> signingTime,
                           Optional<Instant> notBefore, Optional<Instant> notAfter, int signatures,
                           String messageKey, List<String> arguments) {

    public Verification {
        arguments = List.copyOf(arguments);
    }

    /** A verdict with no signer read (not signed, malformed). */
    public static Verification of(SignatureStatus status, String messageKey) {
        return new Verification(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                status == SignatureStatus.NOT_SIGNED ? 0 : 1, messageKey, List.of("", "", "", "", ""));
    }

    public boolean valid() {
        return status == SignatureStatus.VALID;
    }

    /** The same verdict, counted as one of {@code count} signatures of a document. */
    public Verification ofSignatures(int count) {
        return new Verification(status, signer, signingTime, notBefore, notAfter, count, messageKey, arguments);
    }
}
