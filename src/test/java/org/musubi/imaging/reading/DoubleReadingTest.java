package org.musubi.imaging.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoubleReadingTest {

    private static final long A = 1;
    private static final long B = 2;
    private static final long CHIEF = 3;

    @Test
    void neitherReaderSeesTheOthersReadingBeforeBothAreIn() {
        DoubleReading firstIn = DoubleReading.assigned(A, B).submit(A, ScreeningCategory.FURTHER_EXAM);
        assertThat(firstIn.phase()).isEqualTo(DoubleReading.Phase.READING);
        assertThat(firstIn.othersReading(B)).isEmpty();
        assertThat(firstIn.othersReading(A)).isEmpty();
        DoubleReading both = firstIn.submit(B, ScreeningCategory.NO_FURTHER_EXAM);
        assertThat(both.phase()).isEqualTo(DoubleReading.Phase.COMPARISON);
        assertThat(both.othersReading(B)).contains(ScreeningCategory.FURTHER_EXAM);
        assertThat(both.othersReading(A)).contains(ScreeningCategory.NO_FURTHER_EXAM);
        assertThat(both.othersReading(CHIEF)).isEmpty();
        assertThat(both.agree()).isFalse();
    }

    @Test
    void eachReaderSubmitsOnceAndOnlyTheirOwn() {
        DoubleReading firstIn = DoubleReading.assigned(A, B).submit(A, ScreeningCategory.FURTHER_EXAM);
        assertThatThrownBy(() -> firstIn.submit(A, ScreeningCategory.NO_FURTHER_EXAM))
                .isInstanceOf(ReadingItem.StepRefused.class);
        assertThatThrownBy(() -> firstIn.submit(CHIEF, ScreeningCategory.NO_FURTHER_EXAM))
                .isInstanceOf(ReadingItem.StepRefused.class);
    }

    @Test
    void theComparisonComesAfterBothReadingsAndNotFromEitherReader() {
        DoubleReading firstIn = DoubleReading.assigned(A, B).submit(A, ScreeningCategory.FURTHER_EXAM);
        assertThatThrownBy(() -> firstIn.compare(CHIEF, ScreeningCategory.FURTHER_EXAM))
                .isInstanceOf(ReadingItem.StepRefused.class);
        DoubleReading both = firstIn.submit(B, ScreeningCategory.FURTHER_EXAM);
        assertThat(both.agree()).isTrue();
        assertThatThrownBy(() -> both.compare(A, ScreeningCategory.FURTHER_EXAM))
                .isInstanceOf(ReadingItem.StepRefused.class);
        DoubleReading done = both.compare(CHIEF, ScreeningCategory.FURTHER_EXAM);
        assertThat(done.phase()).isEqualTo(DoubleReading.Phase.FINAL);
        assertThat(done.comparer()).isEqualTo(CHIEF);
        assertThatThrownBy(() -> done.compare(CHIEF, ScreeningCategory.NO_FURTHER_EXAM))
                .isInstanceOf(ReadingItem.StepRefused.class);
        assertThatThrownBy(() -> done.submit(A, ScreeningCategory.NO_FURTHER_EXAM))
                .isInstanceOf(ReadingItem.StepRefused.class);
    }

    @Test
    void thePoolGivesTheTwoLeastLoadedReadersNeverTheRequester() {
        DoubleReading reading = ReaderPool.assign(List.of(5L, 6L, 7L, 8L), Map.of(5L, 3, 6L, 0, 7L, 1), 8L);
        assertThat(List.of(reading.first(), reading.second())).containsExactly(6L, 7L);
        assertThatThrownBy(() -> ReaderPool.assign(List.of(5L, 6L), Map.of(), 6L))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DoubleReading.assigned(A, A)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statisticsCountAgreementFurtherExamsAndMedianTurnaround() {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        DoubleReading agreedFurther = DoubleReading.assigned(A, B).submit(A, ScreeningCategory.FURTHER_EXAM)
                .submit(B, ScreeningCategory.FURTHER_EXAM).compare(CHIEF, ScreeningCategory.FURTHER_EXAM);
        DoubleReading disagreed = DoubleReading.assigned(A, B).submit(A, ScreeningCategory.FURTHER_EXAM)
                .submit(B, ScreeningCategory.NO_FURTHER_EXAM).compare(CHIEF, ScreeningCategory.NO_FURTHER_EXAM);
        DoubleReading open = DoubleReading.assigned(A, B).submit(A, ScreeningCategory.UNREADABLE);
        ProgrammeStatistics stats = ProgrammeStatistics.of(List.of(
                new ProgrammeStatistics.Timed(agreedFurther, t0, t0.plus(Duration.ofHours(2)),
                        t0.plus(Duration.ofHours(3))),
                new ProgrammeStatistics.Timed(disagreed, t0, t0.plus(Duration.ofHours(4)),
                        t0.plus(Duration.ofHours(7))),
                new ProgrammeStatistics.Timed(open, t0, null, null)));
        assertThat(stats.studies()).isEqualTo(3);
        assertThat(stats.finished()).isEqualTo(2);
        assertThat(stats.agreementPercent()).isEqualTo(50.0);
        assertThat(stats.furtherExamPercent()).isEqualTo(50.0);
        assertThat(stats.readingMedian()).isEqualTo(Duration.ofHours(3));
        assertThat(stats.comparisonMedian()).isEqualTo(Duration.ofHours(2));
        assertThat(stats.csv("=胃内視鏡検診").split("\r\n")[1])
                .isEqualTo("\"'=胃内視鏡検診\",3,2,1,1,50.0,50.0,180,120");
    }

    @Test
    void statisticsOfAnEmptyProgrammeAreZero() {
        ProgrammeStatistics stats = ProgrammeStatistics.of(List.of());
        assertThat(stats.agreementPercent()).isZero();
        assertThat(stats.readingMedian()).isNull();
        assertThat(stats.csv("p").split("\r\n")[1]).isEqualTo("\"p\",0,0,0,0,0.0,0.0,,");
    }
}
