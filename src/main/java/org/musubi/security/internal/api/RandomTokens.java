package org.musubi.security.internal.api;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets and tokens, URL-safe base64 without padding. */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    static String urlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
