package org.musubi.identity.cards;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pepper of card check codes: a code is HMAC-SHA256-ed under a key kept outside the database before its slow
 * hash, so that a copy of the database alone (a dump, a backup archive, a replica) gives a guesser nothing to try
 * codes against. The key is derived from the operator's secret key for this {@link #PURPOSE} only; the security
 * module, which holds that key, makes it.
 */
public final class CheckCodePepper {

    /** What the key is derived for, so that it is neither the secret key itself nor another use's key. */
    public static final String PURPOSE = "musubi card check code pepper v1";
    private static final String HMAC = "HmacSHA256";
    private final SecretKeySpec key;

    public CheckCodePepper(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pepper key must be at least 32 bytes, it is " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
    }

    /** The code under the key, as the text the slow hash is taken of (base64 of the 32-byte MAC). */
    String apply(String code) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
