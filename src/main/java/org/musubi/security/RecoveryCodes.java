package org.musubi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One-time recovery codes for a lost authenticator: ten codes of 10 characters from an alphabet
 * without look-alikes (about 50 bits each), shown once, stored as salted SHA-256 hashes.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private RecoveryCodes() {
    }

    public static List<String> generate(SecureRandom random) {
        return IntStream.range(0, COUNT).mapToObj(i -> one(random)).toList();
    }

    private static String one(SecureRandom random) {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Normalises what a person types (case, spaces, missing dash) and hashes it with the user's id. */
    public static String hash(long userId, String typed) {
        String normalised = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("musubi-recovery:" + userId + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
