package org.musubi.phr.vitals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.phr.vitals.Vital;
import org.musubi.phr.vitals.VitalRange;
import org.musubi.phr.vitals.VitalReading;
import org.musubi.phr.vitals.VitalsEntry;

/** A chart's points: every value while there are few; over a year or everything, many values become weekly or monthly means. */
class ChartPointsTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1); // a Monday

    @Test
    void fewValuesAreShownOneByOneWithTheGapsMarked() {
        List<VitalReading> readings = List.of(weight(0, "60.0", 1), weight(1, "60.4", 1), weight(60, "61.0", 1));
        List<ChartPoints> points = ChartPoints.of(readings, VitalRange.ALL.gap(), VitalRange.ALL);
        assertThat(points).extracting(p -> p.reading().value().toPlainString()).containsExactly("60.0", "60.4", "61.0");
        assertThat(points).extracting(ChartPoints::period).containsOnlyNulls();
        assertThat(points).extracting(ChartPoints::afterGap).containsExactly(false, false, false);
        assertThat(ChartPoints.of(readings, VitalRange.MONTH.gap(), VitalRange.MONTH))
                .extracting(ChartPoints::afterGap).containsExactly(false, false, true);
    }

    @Test
    void manyDailyValuesOverEverythingAreMonthlyMeansWithLowHighAndCount() {
        List<VitalReading> readings = new ArrayList<>();
        for (int d = 0; d < 366; d++) { // 2024 is a leap year: January to December
            readings.add(weight(d, d % 2 == 0 ? "60.0" : "61.0", 1));
        }
        readings.add(weight(20, "70.0", 2)); // another source in January
        readings.sort(Comparator.comparing(VitalReading::at));

        List<ChartPoints> points = ChartPoints.of(readings, VitalRange.ALL.gap(), VitalRange.ALL);

        assertThat(points).hasSize(12).allMatch(p -> "month".equals(p.period()));
        ChartPoints january = points.getFirst();
        assertThat(january.count()).isEqualTo(32);
        assertThat(january.low()).isEqualByComparingTo("60.0");
        assertThat(january.high()).isEqualByComparingTo("70.0");
        // 16 × 60 + 15 × 61 + 70 = 1,945 over 32 values
        assertThat(january.reading().value()).isEqualByComparingTo("60.78");
        assertThat(january.reading().sourceFacilityId()).isEqualTo(ChartPoints.MIXED_SOURCES);
        assertThat(january.reading().at()).isEqualTo(FIRST.atStartOfDay(VitalsEntry.JAPAN).toInstant());
        assertThat(points.get(1).reading().sourceFacilityId()).isEqualTo(1);
        // February: days 31–59, 15 odd days of 61 and 14 even days of 60 = 1,755 over 29 values
        assertThat(points.get(1).reading().value()).isEqualByComparingTo("60.52");
        assertThat(points).extracting(ChartPoints::afterGap).containsOnly(false);
    }

    @Test
    void overAYearManyValuesAreWeeklyMeansPerMeasureAndAWeekShowsEveryValue() {
        List<VitalReading> readings = new ArrayList<>();
        for (int d = 0; d < 210; d++) {
            readings.add(reading(Vital.SYSTOLIC, d, String.valueOf(120 + d % 7), 1));
            readings.add(reading(Vital.DIASTOLIC, d, "80", 1));
        }
        List<ChartPoints> weekly = ChartPoints.of(readings, VitalRange.YEAR.gap(), VitalRange.YEAR);
        assertThat(weekly).hasSize(60).allMatch(p -> "week".equals(p.period()) && p.count() == 7);
        assertThat(weekly.getFirst().reading().vital()).isEqualTo(Vital.SYSTOLIC);
        assertThat(weekly.getFirst().reading().value()).isEqualByComparingTo("123");
        assertThat(weekly.get(1).reading().vital()).isEqualTo(Vital.DIASTOLIC);
        assertThat(ChartPoints.of(readings, VitalRange.WEEK.gap(), VitalRange.WEEK)).hasSize(420)
                .allMatch(p -> p.period() == null);
    }

    private static VitalReading weight(int day, String kg, long source) {
        return reading(Vital.WEIGHT, day, kg, source);
    }

    private static VitalReading reading(Vital vital, int day, String value, long source) {
        return new VitalReading(vital, FIRST.plusDays(day).atTime(7, 0).atZone(VitalsEntry.JAPAN).toInstant(),
                new BigDecimal(value), source, "r" + day);
    }
}
