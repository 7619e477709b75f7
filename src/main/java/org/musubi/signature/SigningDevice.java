package org.musubi.signature;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Whatever holds the signer's private key: the seam every signer plugs into. Musubi builds the CMS SignedData itself
 * (its signed attributes, signing-certificate-v2 included, and the document's digest) and asks the device for one
 * thing only: the signature value over the SHA-256 digest of the DER-encoded signed attributes. That is what an HPKI
 * card's middleware on the client computes (the browser hands it the digest, the card signs it) and what an HPKI
 * カードレス署名 service offers (it receives a hash and returns a raw signature). Musubi's own software key is one more
 * device ({@code keys.SoftwareDevice}); a device that answers a whole CMS instead is wrapped by
 * {@link CmsSigningService}. Every signature a device makes is verified before it is embedded, so a device that
 * answers a wrong value fails at once, not at the recipient.
 */
public interface SigningDevice {

    /** The signer's certificate first, then the CA certificates up towards the root (the root may be left out). */
    List<X509Certificate> chain();

    /** The JCA name of the signature algorithm: {@code SHA256withECDSA} or {@code SHA256withRSA}. */
    String algorithm();

    /**
     * The signature value over a SHA-256 digest: for ECDSA the DER {@code ECDSA-Sig-Value}, for RSA the PKCS#1 v1.5
     * signature of the DigestInfo of {@code sha256}.
     *
     * @throws SigningRefused when the device refuses or cannot be reached
     */
    byte[] signDigest(byte[] sha256);
}
