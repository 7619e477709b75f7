package org.musubi.backup;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The AES-256-GCM cipher of each chunk of a sealed stream. The 12-byte nonce is the chunk's index (8 bytes,
 * big-endian), three zero bytes and 1 for the last chunk, 0 otherwise: unique for every chunk under the
 * archive's own key. The additional data is the header's SHA-256 and the same nonce, so a chunk is only
 * accepted at its place, in its archive, with the right last-chunk flag.
 */
final class SealedChunks {

    private final SecretKey key;
    private final byte[] headerDigest;
    private long index;

    SealedChunks(SecretKey key, byte[] headerDigest) {
        this.key = key;
        this.headerDigest = headerDigest;
    }

    Cipher cipher(int mode, boolean last) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (index >>> (56 - 8 * i));
        }
        nonce[11] = (byte) (last ? 1 : 0);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(headerDigest);
        cipher.updateAAD(nonce);
        return cipher;
    }

    void next() {
        index++;
    }
}
