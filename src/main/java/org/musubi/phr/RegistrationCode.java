package org.musubi.phr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.musubi.identity.cards.CardCodes;

/**
 * A one-time registration code (登録コード) as handed to a resident: twelve characters from an alphabet without
 * look-alikes (about 60 bits), printed in three groups of four, shown once and stored only as a hash. Typed codes are
 * read as card check codes are (full-width forms, lower case, spaces and hyphens).
 */
public record RegistrationCode(String code, Instant expiresAt) {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;

    static RegistrationCode fresh(SecureRandom random, Instant expiresAt) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RegistrationCode(code.toString(), expiresAt);
    }

    /** The code as printed: {@code ABCD-EFGH-JKMN}. */
    public String printed() {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /**
     * The stored form of a typed or scanned code. A fast hash is enough: the code is random with 60 bits, used once,
     * expires, and is void after a few wrong tries for the person's card.
     */
    static String hash(String typed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("musubi-phr-registration:" + CardCodes.normalise(typed)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
