package org.musubi.identity.cards;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Card check codes: eight characters from an alphabet without look-alikes (31 symbols, about 40 bits), printed on
 * the card and in its QR code, stored only as a slow hash (argon2id) of the code under the pepper
 * ({@link CheckCodePepper}), marked {@value #PEPPERED}, so that whoever reads the database cannot link with a card
 * they do not hold, nor try codes against it without the secret key. Cards issued before the pepper keep their
 * hash of the bare code and still verify. Typed codes are read leniently: full-width forms, lower case, spaces and
 * hyphens.
 */
public final class CardCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    /** What a hash of a peppered code starts with, before the slow hash's own encoded form. */
    static final String PEPPERED = "pepper1$";
    private final SecureRandom random = new SecureRandom();
    private final UnaryOperator<String> hash;
    private final BiPredicate<String, String> matches;
    private final CheckCodePepper pepper;

    /** {@code hash}: a slow salted hash of a text; {@code matches}: (text, its stored hash) → whether it fits. */
    public CardCodes(UnaryOperator<String> hash, BiPredicate<String, String> matches, CheckCodePepper pepper) {
        this.hash = hash;
        this.matches = matches;
        this.pepper = pepper;
    }

    /** A fresh check code. */
    public String fresh() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What is stored of a new code: the slow hash of the peppered code, marked as such. */
    public String hash(String code) {
        return PEPPERED + hash.apply(pepper.apply(code));
    }

    /**
     * Whether what was typed or scanned is the card's check code; never for a card without one. A hash made before
     * the pepper is checked against the bare code. Reads nothing and writes nothing (a read-only standby checks too).
     */
    public boolean matches(Card card, String typed) {
        String code = normalise(typed);
        String stored = card.checkHash();
        if (stored == null || code.length() != LENGTH) {
            return false;
        }
        return stored.startsWith(PEPPERED) ? matches.test(pepper.apply(code), stored.substring(PEPPERED.length()))
                : matches.test(code, stored);
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
