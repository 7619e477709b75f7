package org.musubi.secretariat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceNumbersTest {

    private final ReferenceNumbers numbers = new ReferenceNumbers(new SecureRandom());

    @Test
    void referencesAreSixteenBase32CharactersAndNeverRepeatNorFollowEachOther() {
        Set<String> seen = new HashSet<>();
        String previous = null;
        for (int i = 0; i < 2000; i++) {
            String reference = numbers.newReference();
            assertThat(reference).matches("[A-Z2-7]{16}");
            assertThat(seen.add(reference)).as("unique").isTrue();
            if (previous != null) {
                assertThat(reference.substring(0, 12)).as("not sequential").isNotEqualTo(previous.substring(0, 12));
            }
            previous = reference;
        }
        assertThat(numbers.newSecret()).matches("[A-Z2-7]{20}");
    }

    @Test
    void typedTextIsReadLenientlyAndAnythingElseIsNothing() {
        assertThat(ReferenceNumbers.normalise("abcd-efgh ijkl-mnop")).isEqualTo("ABCDEFGHIJKLMNOP");
        assertThat(ReferenceNumbers.normalise("0O1I-8B23")).as("digits people confuse with letters")
                .isEqualTo("OOIIBB23");
        assertThat(ReferenceNumbers.normalise("ABCD'; DROP")).isEmpty();
        assertThat(ReferenceNumbers.normalise("9999")).as("9 is no base32").isEmpty();
        assertThat(ReferenceNumbers.normalise(null)).isEmpty();
        assertThat(ReferenceNumbers.normalise("A".repeat(65))).as("too long to be typed").isEmpty();
        assertThat(ReferenceNumbers.wellFormedReference("ABCDEFGHIJKLMNOP")).isTrue();
        assertThat(ReferenceNumbers.wellFormedReference("ABCDEFGHIJKLMNO")).isFalse();
        assertThat(ReferenceNumbers.grouped("ABCDEFGHIJKLMNOP")).isEqualTo("ABCD-EFGH-IJKL-MNOP");
    }

    @Test
    void onlyTheHashIsKeptAndOnlyTheRightSecretOfThatReferenceMatches() {
        String reference = numbers.newReference();
        String secret = numbers.newSecret();
        String stored = ReferenceNumbers.hash(reference, secret);
        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(secret.toLowerCase());
        assertThat(ReferenceNumbers.matches(reference, ReferenceNumbers.grouped(secret).toLowerCase(), stored))
                .as("as typed from the receipt, lower case").isTrue();
        assertThat(ReferenceNumbers.matches(reference, numbers.newSecret(), stored)).isFalse();
        assertThat(ReferenceNumbers.matches(numbers.newReference(), secret, stored)).as("another reference's").isFalse();
        assertThat(ReferenceNumbers.matches(reference, "", stored)).isFalse();
    }
}
