package org.musubi.signature.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.musubi.signature.SigningDevice;
import org.musubi.signature.SigningRefused;

/**
 * A software key as a {@link SigningDevice}: signs a digest as a card or a remote service would (ECDSA over the
 * digest; RSA PKCS#1 v1.5 over its DigestInfo), so the built-in signer goes through the same seam as the others.
 */
public final class SoftwareDevice implements SigningDevice {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public SoftwareDevice(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public String algorithm() {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    @Override
    public byte[] signDigest(byte[] sha256) {
        try {
            boolean ec = "EC".equals(key.getAlgorithm());
            Signature signature = Signature.getInstance(ec ? "NONEwithECDSA" : "NONEwithRSA");
            signature.initSign(key);
            signature.update(ec ? sha256 : new DigestInfo(
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), sha256).getEncoded());
            return signature.sign();
        } catch (GeneralSecurityException | IOException e) {
            throw new SigningRefused(SigningRefused.Reason.DEVICE_FAILED, e);
        }
    }
}
