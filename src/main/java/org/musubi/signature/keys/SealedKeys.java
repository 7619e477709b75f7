package org.musubi.signature.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;
import org.musubi.security.SecretBox;

/**
 * Private keys sealed with the operator's key ({@link SecretBox}, AES-256-GCM), the purpose naming the owner — the
 * demo CA or one user — so that a sealed key copied into another user's row does not open.
 */
public final class SealedKeys {

    private final SecretBox box;

    public SealedKeys(SecretBox box) {
        this.box = box;
    }

    byte[] seal(Optional<Long> owner, PrivateKey key) {
        return box.sealBytes(purpose(owner), key.getEncoded());
    }

    PrivateKey open(Optional<Long> owner, String algorithm, byte[] sealed) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(box.openBytes(purpose(owner), sealed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored signing key cannot be read", e);
        }
    }

    private static String purpose(Optional<Long> owner) {
        return owner.map(id -> "signature.private-key:user:" + id).orElse("signature.private-key:demo-ca");
    }
}
