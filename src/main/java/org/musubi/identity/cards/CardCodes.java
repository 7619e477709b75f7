package org.musubi.identity.cards;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Card check codes: eight characters from an alphabet without look-alikes (31 symbols, about 40 bits), printed on
 * the card and in its QR code, stored only as a slow hash (argon2id), so that whoever reads the database cannot
 * link with a card they do not hold. Typed codes are read leniently: full-width forms, lower case, spaces and
 * hyphens.
 */
public final class CardCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private final SecureRandom random = new SecureRandom();
    private final UnaryOperator<String> hash;
    private final BiPredicate<String, String> matches;

    /** {@code hash}: a slow salted hash of the code; {@code matches}: (typed, stored hash) → whether it fits. */
    public CardCodes(UnaryOperator<String> hash, BiPredicate<String, String> matches) {
        this.hash = hash;
        this.matches = matches;
    }

    /** A fresh check code. */
    public String fresh() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public String hash(String code) {
        return hash.apply(code);
    }

    /** Whether what was typed or scanned is the card's check code; never for a card without one. */
    public boolean matches(Card card, String typed) {
        String code = normalise(typed);
        return card.checkHash() != null && code.length() == LENGTH && matches.test(code, card.checkHash());
    }

    /** A typed code as stored: NFKC (full-width to ASCII), upper case, without spaces and hyphens. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT)
                .replace(" ", "").replace("-", "").replace("ー", "");
    }
}
