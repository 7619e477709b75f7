package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** The SHA-1 test vectors of RFC 6238, Appendix B. */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238TestVectors(long unixTime, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));

        assertThat(Totp.code(RFC_SEED, step, 8, "HmacSHA1")).isEqualTo(expected);
    }

    @Test
    void acceptsTheNeighbouringStepsButNotFurther() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);

        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, -1)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, -1)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, -1)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step + 2), now, -1)).isEmpty();
    }

    @Test
    void neverAcceptsAStepAlreadyUsed() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);

        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, -1)).isEmpty();
        assertThat(Totp.verify(secret, null, now, -1)).isEmpty();
    }

    @Test
    void theNextUsableCodeIsTheCurrentOneOrTheFirstLaterStepNotYetUsedAndVerifiesFromItsAcceptanceTime() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.ofEpochSecond(1_800_000_010L);
        long step = Totp.step(now);

        assertThat(Totp.nextUsableStep(now, step - 1)).isEqualTo(step);
        assertThat(Totp.nextUsableStep(now, step)).isEqualTo(step + 1);
        assertThat(Totp.nextUsableStep(now, step + 1)).isEqualTo(step + 2);
        for (long used = step - 1; used <= step + 1; used++) {
            long next = Totp.nextUsableStep(now, used);
            Instant from = Totp.acceptedFrom(next);
            assertThat(Totp.verify(secret, Totp.code(secret, next), from, used)).as("used " + used).hasValue(next);
            assertThat(Totp.verify(secret, Totp.code(secret, next), from.minusSeconds(1), used)).isEmpty();
        }
        assertThat(Totp.acceptedFrom(step + 1)).isBefore(now);
        assertThat(Totp.acceptedFrom(step + 2)).isAfter(now);
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(DemoAccounts.DEMO_TOTP_SECRET)).hasSize(20);
    }

    @Test
    void theEnrolmentUriCarriesIssuerAccountAndSecret() {
        assertThat(Totp.uri("Musubi", "doctor1", "ABC"))
                .isEqualTo("otpauth://totp/Musubi:doctor1?secret=ABC&issuer=Musubi&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void passwordsOfEightToOneHundredTwentyEightCharactersAreAccepted() {
        assertThat(PasswordPolicy.fault("1234567", "x")).hasValue("password.tooShort");
        assertThat(PasswordPolicy.fault("12345678", "x")).isEmpty();
        assertThat(PasswordPolicy.fault("あ".repeat(128), "x")).isEmpty();
        assertThat(PasswordPolicy.fault("a".repeat(129), "x")).hasValue("password.tooLong");
        assertThat(PasswordPolicy.fault("doctor123", "DOCTOR123")).hasValue("password.sameAsLogin");
    }

    @Test
    void recoveryCodesAreTenDistinctAndHashedTolerantly() {
        var codes = RecoveryCodes.generate(new SecureRandom());

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        String code = codes.getFirst();
        assertThat(RecoveryCodes.hash(7, code.toUpperCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(7, code));
        assertThat(RecoveryCodes.hash(8, code)).isNotEqualTo(RecoveryCodes.hash(7, code));
    }
}
