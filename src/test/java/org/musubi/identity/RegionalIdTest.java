package org.musubi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.synth.SyntheticNetworkGenerator;

class RegionalIdTest {

    @Test
    void computesTheLuhnDigitOfTheTextbookExample() {
        assertThat(RegionalId.checkDigit("000007992739871")).isEqualTo(3);
        assertThat(RegionalId.valid("0000079927398713")).isTrue();
    }

    @Test
    void detectsEverySingleDigitChangeInGeneratedIds() {
        List<String> ids = new SyntheticNetworkGenerator().persons(7, 50, 34)
                .map(Person::regionalId).toList();
        for (String id : ids) {
            assertThat(RegionalId.valid(id)).isTrue();
            for (int position = 0; position < id.length(); position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit != id.charAt(position)) {
                        String changed = id.substring(0, position) + digit + id.substring(position + 1);
                        assertThat(RegionalId.valid(changed)).as(changed).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void rejectsWrongLengthNonDigitsFullWidthDigitsAndNull() {
        assertThat(RegionalId.valid("000007992739871")).isFalse();
        assertThat(RegionalId.valid("00000799273987130")).isFalse();
        assertThat(RegionalId.valid("000007992739871a")).isFalse();
        assertThat(RegionalId.valid("０００００７９９２７３９８７１３")).isFalse();
        assertThat(RegionalId.valid(null)).isFalse();
    }

    @Test
    void refusesToComputeOverAPayloadThatIsNotFifteenDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> RegionalId.checkDigit("12345"));
        assertThatIllegalArgumentException().isThrownBy(() -> RegionalId.checkDigit("12345678901234x"));
    }
}
