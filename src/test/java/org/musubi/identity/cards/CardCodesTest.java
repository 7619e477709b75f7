package org.musubi.identity.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Check codes are hashed under the pepper; hashes made before it still verify; another pepper key verifies none. */
class CardCodesTest {

    /** The check codes' argon2id parameters, as {@code IdentityConfiguration} sets them (4 MiB, one pass). */
    private static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 4096, 1);
    private final CardCodes codes = codesUnder(newKey());

    @Test
    void aCodeMatchesItsPepperedHashTypedLeniently() {
        String code = codes.fresh();

        Card card = cardWith(codes.hash(code));

        assertThat(codes.matches(card, code)).isTrue();
        assertThat(codes.matches(card, code.substring(0, 4).toLowerCase() + "-" + code.substring(4))).isTrue();
        assertThat(codes.matches(card, otherThan(code))).isFalse();
    }

    @Test
    void aPepperedHashIsMarkedAndIsNotAHashOfTheBareCode() {
        String code = codes.fresh();

        String stored = codes.hash(code);

        assertThat(stored).startsWith("pepper1$$argon2id$v=19$m=4096,t=1,p=1$").doesNotContain(code);
        assertThat(ARGON2.matches(code, stored.substring("pepper1$".length())))
                .as("a copy of the database alone cannot test a code against it").isFalse();
    }

    @Test
    void aHashMadeBeforeThePepperStillMatches() {
        String code = codes.fresh();

        Card issuedBefore = cardWith(ARGON2.encode(code));

        assertThat(codes.matches(issuedBefore, code)).isTrue();
        assertThat(codes.matches(issuedBefore, otherThan(code))).isFalse();
    }

    @Test
    void aHashMadeUnderAnotherPepperKeyDoesNotMatch() {
        String code = codes.fresh();

        Card underAnotherKey = cardWith(codesUnder(newKey()).hash(code));

        assertThat(codes.matches(underAnotherKey, code)).isFalse();
    }

    @Test
    void aCardWithoutACheckCodeMatchesNothing() {
        assertThat(codes.matches(cardWith(null), codes.fresh())).isFalse();
    }

    @Test
    void wantsAPepperKeyOf256Bits() {
        assertThatThrownBy(() -> new CheckCodePepper(new byte[16])).hasMessageContaining("32 bytes");
    }

    private static CardCodes codesUnder(byte[] key) {
        return new CardCodes(ARGON2::encode, ARGON2::matches, new CheckCodePepper(key));
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static Card cardWith(String checkHash) {
        return new Card(1, "1234567890123456", 1, CardKind.REGIONAL, 1, null, CardStatus.ACTIVE, Instant.now(), checkHash);
    }

    private static String otherThan(String code) {
        char last = code.charAt(CardCodes.LENGTH - 1);
        return code.substring(0, CardCodes.LENGTH - 1) + (last == 'A' ? 'B' : 'A');
    }
}
