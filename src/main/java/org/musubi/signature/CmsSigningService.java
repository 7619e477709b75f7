package org.musubi.signature;

/**
 * A remote signing service that answers a whole CMS SignedData rather than a raw signature value: some HPKI
 * カードレス署名 services do. Musubi sends the SHA-256 digest of what is signed (a PDF's signed byte range, a Bundle's
 * bytes) and receives a detached CMS SignedData (DER) whose {@code message-digest} attribute is that digest, with the
 * signer's certificate inside. Musubi verifies the answer against the content before embedding it: a CMS over another
 * digest, or whose signature does not verify, is refused ({@link SigningRefused}).
 */
public interface CmsSigningService {

    /** A detached CMS SignedData (DER) over content whose SHA-256 digest is {@code sha256}. */
    byte[] signContentDigest(byte[] sha256);
}
