package org.musubi.secretariat.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An application's reference number and secret. The reference: 16 characters of RFC 4648 base32 (A–Z, 2–7; 80 random
 * bits from {@link SecureRandom}, never sequential), shown in groups of four; the secret: 20 more (100 bits), shown
 * once and kept only as a SHA-256 over the reference and the secret. Typed text is read leniently: lower case, spaces
 * and hyphens are fine, and the digits a person confuses with letters (0, 1, 8) are read as O, I, B.
 */
public final class ReferenceNumbers {

    public static final int REFERENCE_LENGTH = 16;
    public static final int SECRET_LENGTH = 20;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private final SecureRandom random;

    public ReferenceNumbers(SecureRandom random) {
        this.random = random;
    }

    public String newReference() {
        return randomText(REFERENCE_LENGTH);
    }

    public String newSecret() {
        return randomText(SECRET_LENGTH);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** The typed text as stored: upper case, separators dropped, 0/1/8 read as O/I/B; empty for anything else. */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return "";
        }
        String text = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-ー－・]", "")
                .replace('0', 'O').replace('1', 'I').replace('8', 'B');
        return text.matches("[A-Z2-7]*") ? text : "";
    }

    public static boolean wellFormedReference(String normalised) {
        return normalised.length() == REFERENCE_LENGTH;
    }

    /** In groups of four for reading aloud and typing: ABCD-EFGH-…. */
    public static String grouped(String text) {
        return text.replaceAll("(.{4})(?=.)", "$1-");
    }

    /** What is stored of a secret: SHA-256 over the reference and the secret, hex. */
    public static String hash(String reference, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(("musubi-application:" + reference + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a typed secret matches the stored hash, in time that does not depend on where they differ. */
    public static boolean matches(String reference, String typedSecret, String storedHash) {
        return MessageDigest.isEqual(hash(reference, normalise(typedSecret)).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
