package org.musubi.signature;

/** What a verification found, the worst first when a PDF carries several signatures. */
public enum SignatureStatus {
    /** Signed by a certificate that chains to a trusted anchor, valid at the signing time, over exactly these bytes. */
    VALID,
    /** The signed bytes changed after signing (or bytes were added after the last signature), or the signature value does not match. */
    TAMPERED,
    /** The signer's certificate (or a CA's in its chain) was not valid at the signing time: expired or not yet valid. */
    CERTIFICATE_EXPIRED,
    /** The signer's certificate does not chain to any trust anchor this Musubi was configured with. */
    UNKNOWN_CA,
    /** No signature at all. */
    NOT_SIGNED,
    /** Something that should be a signature cannot be read as one (not CMS, no signer certificate, a broken byte range). */
    MALFORMED;

    /** Whether {@code this} is worse than {@code other}, to report the worst of several signatures. */
    public boolean worseThan(SignatureStatus other) {
        return rank() > other.rank();
    }

    private int rank() {
        return switch (this) {
            case VALID -> 0;
            case NOT_SIGNED -> 1;
            case CERTIFICATE_EXPIRED -> 2;
            case UNKNOWN_CA -> 3;
            case MALFORMED -> 4;
            case TAMPERED -> 5;
        };
    }
}
