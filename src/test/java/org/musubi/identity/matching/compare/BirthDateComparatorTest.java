package org.musubi.identity.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BirthDateComparatorTest {

    private static final LocalDate BORN = LocalDate.of(1945, 3, 12);

    @Test
    void agreesExactlyOnTheSameDate() {
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1945, 3, 12))).isEqualTo(Agreement.EXACT);
    }

    @Test
    void recognisesDayAndMonthSwapped() {
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1945, 12, 3))).isEqualTo(Agreement.DAY_MONTH_SWAPPED);
    }

    @Test
    void recognisesOneMistypedDigitAnywhereInTheDate() {
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1946, 3, 12))).isEqualTo(Agreement.ONE_DIGIT);
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1985, 3, 12))).isEqualTo(Agreement.ONE_DIGIT);
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1945, 8, 12))).isEqualTo(Agreement.ONE_DIGIT);
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1945, 3, 13))).isEqualTo(Agreement.ONE_DIGIT);
    }

    @Test
    void fallsBackToTheSameYearAndMonth() {
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1945, 3, 27))).isEqualTo(Agreement.SAME_YEAR_MONTH);
    }

    @Test
    void disagreesOnOtherDatesAndIsMissingWithoutOne() {
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1950, 7, 30))).isEqualTo(Agreement.DISAGREE);
        assertThat(BirthDateComparator.compare(BORN, LocalDate.of(1946, 3, 13))).isEqualTo(Agreement.DISAGREE);
        assertThat(BirthDateComparator.compare(BORN, null)).isEqualTo(Agreement.MISSING);
        assertThat(BirthDateComparator.compare(null, BORN)).isEqualTo(Agreement.MISSING);
    }
}
