package org.musubi.identity.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musubi.identity.RegionalId;

class CardNumberTest {

    private static final String NUMBER = RegionalId.append("123456789012345");

    @Test
    void readsTypedNumbersWithSpacesHyphensAndFullWidthDigits() {
        String spaced = NUMBER.substring(0, 4) + " " + NUMBER.substring(4, 8) + "-" + NUMBER.substring(8);
        String fullWidth = NUMBER.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);

        assertThat(CardNumber.read(spaced)).contains(new CardNumber(NUMBER, null));
        assertThat(CardNumber.read(fullWidth)).contains(new CardNumber(NUMBER, null));
    }

    @Test
    void readsTheQrPayloadWithItsIssueNumberAndCheckCode() {
        assertThat(CardNumber.read(Card.QR_PREFIX + NUMBER + ":2:ABCD2345")).contains(new CardNumber(NUMBER, 2, "ABCD2345"));
        assertThat(CardNumber.read(Card.QR_PREFIX_WITHOUT_CODE + NUMBER + ":2")).as("a card issued before check codes")
                .contains(new CardNumber(NUMBER, 2, null));
    }

    @Test
    void refusesAQrPayloadWhoseCodeDoesNotFitItsVersion() {
        assertThat(CardNumber.read(Card.QR_PREFIX + NUMBER + ":2")).as("version 2 carries a code").isEmpty();
        assertThat(CardNumber.read(Card.QR_PREFIX_WITHOUT_CODE + NUMBER + ":2:ABCD2345")).isEmpty();
        assertThat(CardNumber.read(Card.QR_PREFIX + NUMBER + ":2:ABCD234I")).as("I is not in the alphabet").isEmpty();
    }

    @Test
    void refusesAMistypedDigitAndGarbage() {
        char last = NUMBER.charAt(15);
        String typo = NUMBER.substring(0, 15) + (char) (last == '9' ? '0' : last + 1);

        assertThat(CardNumber.read(typo)).isEmpty();
        assertThat(CardNumber.read("12345")).isEmpty();
        assertThat(CardNumber.read(Card.QR_PREFIX + typo + ":1")).isEmpty();
        assertThat(CardNumber.read(null)).isEmpty();
    }
}
