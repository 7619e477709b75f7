package org.musubi.signature.cms;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.musubi.signature.SignatureStatus;
import org.musubi.signature.SignerIdentity;
import org.musubi.signature.Verification;

/**
 * A verification's verdict with its text: the key {@code signature.status.<STATUS>} (or a more precise one of that
 * status, {@code signature.status.CERTIFICATE_NOT_YET_VALID}, {@code signature.status.CHANGED_AFTER_SIGNING}) and its
 * arguments {0} signer, {1} facility, {2} signing time, {3} certificate start, {4} certificate end, times in Japan's
 * time as {@code yyyy-MM-dd HH:mm}.
 */
public final class Verdicts {

    public static final String PREFIX = "signature.status.";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private Verdicts() {
    }

    public static Verification of(SignatureStatus status) {
        return Verification.of(status, PREFIX + status);
    }

    public static Verification of(SignatureStatus status, String variant, X509Certificate certificate, Instant signingTime) {
        SignerIdentity signer = CertificateSubjects.read(certificate);
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        return new Verification(status, Optional.of(signer), Optional.of(signingTime), Optional.of(notBefore),
                Optional.of(notAfter), 1, PREFIX + variant, List.of(signer.name(), signer.facility().orElse(""),
                SHOWN.format(signingTime), SHOWN.format(notBefore), SHOWN.format(notAfter)));
    }
}
