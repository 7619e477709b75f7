package org.musubi.signature.keys;

import java.time.Instant;
import java.util.Optional;

/** The stored signing keys (table {@code signing_key}, V43): the demo CA's and each user's live one. */
public interface SigningKeys {

    /** A stored key: its DER certificate and its PKCS#8 private key sealed with the operator's key. */
    record StoredKey(long id, String algorithm, byte[] certificate, byte[] sealedPrivateKey) {
    }

    /** What to store: {@code userId} is empty for the demo CA. */
    record NewKey(Optional<Long> userId, String algorithm, byte[] certificate, byte[] sealedPrivateKey,
                  Instant notBefore, Instant notAfter) {
    }

    Optional<StoredKey> liveCa();

    Optional<StoredKey> liveKeyOf(long userId);

    /**
     * Stores {@code key} as the live one of its owner, superseding {@code replaced} when given; does nothing when
     * another node stored a live one first (the caller reads it again).
     */
    void store(NewKey key, Optional<Long> replaced);
}
