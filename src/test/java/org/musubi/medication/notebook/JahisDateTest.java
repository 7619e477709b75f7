package org.musubi.medication.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JahisDateTest {

    @ParameterizedTest
    @CsvSource({"S330303, 1958-03-03", "R020406, 2020-04-06", "H310430, 2019-04-30", "R010501, 2019-05-01",
            "H010108, 1989-01-08", "T150101, 1926-01-01", "M450730, 1912-07-30", "20260310, 2026-03-10",
            "19800101, 1980-01-01"})
    void readsGregorianAndEraDates(String value, LocalDate expected) {
        assertThat(JahisDate.parse(value)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20260230", "2026031", "202603101", "S000101", "X330303", "S331303", "R02040", "2026-03-10",
            "２０２６０３１０", "", "S33030A"})
    void refusesWhatIsNotADate(String value) {
        assertThat(JahisDate.parse(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1958-03-03, 19580303", "2020-04-06, 20200406", "0999-01-02, 09990102"})
    void writesGregorianDates(LocalDate date, String expected) {
        assertThat(JahisDate.format(date)).isEqualTo(expected);
    }
}
