package org.musubi.secretariat.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The 登録番号's check digit, proved on published corporate numbers (国税庁 法人番号公表サイト): 国税庁 7000012050002,
 * トヨタ自動車 1180301018771 — and on every wrong first digit.
 */
class RegistrationNumberTest {

    @Test
    void publishedCorporateNumbersAreValid() {
        assertThat(RegistrationNumber.valid("T7000012050002")).as("国税庁").isTrue();
        assertThat(RegistrationNumber.valid("T1180301018771")).as("トヨタ自動車株式会社").isTrue();
        assertThat(RegistrationNumber.valid("T3100001234567")).as("the demo's made-up number").isTrue();
    }

    @Test
    void everyOtherFirstDigitIsRefused() {
        for (int digit = 0; digit <= 9; digit++) {
            assertThat(RegistrationNumber.valid("T" + digit + "000012050002")).as("first digit " + digit)
                    .isEqualTo(digit == 7);
        }
    }

    @Test
    void aSwappedPairOfDigitsIsRefused() {
        assertThat(RegistrationNumber.valid("T1180301018717")).isFalse();
    }

    @Test
    void theFormIsTAndThirteenDigits() {
        assertThat(RegistrationNumber.valid("7000012050002")).as("without T").isFalse();
        assertThat(RegistrationNumber.valid("T700001205000")).as("12 digits").isFalse();
        assertThat(RegistrationNumber.valid("T70000120500021")).as("14 digits").isFalse();
        assertThat(RegistrationNumber.valid("T70000120500O2")).as("a letter O").isFalse();
        assertThat(RegistrationNumber.valid(null)).isFalse();
        assertThatThrownBy(() -> new RegistrationNumber("T8000012050002")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatPeopleTypeIsReadInItsPlainForm() {
        assertThat(RegistrationNumber.parse(" t7000-0120-50002 ")).map(RegistrationNumber::value).hasValue("T7000012050002");
        assertThat(RegistrationNumber.parse("Ｔ７００００１２０５０００２")).map(RegistrationNumber::value)
                .hasValue("T7000012050002");
        assertThat(RegistrationNumber.parse("T7000012050003")).isEmpty();
        assertThat(RegistrationNumber.parse(null)).isEmpty();
    }
}
