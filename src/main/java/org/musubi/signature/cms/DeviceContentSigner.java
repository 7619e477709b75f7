package org.musubi.signature.cms;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.musubi.signature.SigningDevice;

/**
 * Bouncy Castle's {@link ContentSigner} over a {@link SigningDevice}: collects what the CMS generator signs (the DER
 * signed attributes), and asks the device for the signature over its SHA-256 digest.
 */
final class DeviceContentSigner implements ContentSigner {

    private final SigningDevice device;
    private final AlgorithmIdentifier algorithm;
    private final ByteArrayOutputStream signed = new ByteArrayOutputStream();

    DeviceContentSigner(SigningDevice device) {
        this.device = device;
        this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(device.algorithm());
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return signed;
    }

    @Override
    public byte[] getSignature() {
        return device.signDigest(CmsSigning.sha256(signed.toByteArray()));
    }

}
