package org.musubi.imaging.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.musubi.text.csv.CsvWriter;

/**
 * A programme's figures for operators: studies, studies finished, turnaround per step (median, assigned → both readings
 * in, both in → final), agreement rate of the two readers and 要精検 rate of the final readings.
 *
 * @param studies          studies in the programme
 * @param finished         studies with a final reading
 * @param agreed           finished studies whose two readings agreed
 * @param furtherExam      finished studies read 要精検
 * @param readingMedian    median time from assignment to both readings in (null when none)
 * @param comparisonMedian median time from both readings in to the final reading (null when none)
 */
public record ProgrammeStatistics(int studies, int finished, int agreed, int furtherExam, Duration readingMedian,
        Duration comparisonMedian) {

    /** One study's double reading with its times. */
    public record Timed(DoubleReading reading, Instant assigned, Instant bothIn, Instant finalised) {
        public Timed {
            Objects.requireNonNull(reading);
            Objects.requireNonNull(assigned);
        }
    }

    public static ProgrammeStatistics of(List<Timed> rows) {
        List<Timed> done = rows.stream().filter(t -> t.reading().phase() == DoubleReading.Phase.FINAL).toList();
        int agreed = (int) done.stream().filter(t -> t.reading().agree()).count();
        int further = (int) done.stream().filter(t -> t.reading().finalReading().needsFurtherExam()).count();
        return new ProgrammeStatistics(rows.size(), done.size(), agreed, further,
                median(rows.stream().filter(t -> t.bothIn() != null)
                        .map(t -> Duration.between(t.assigned(), t.bothIn())).toList()),
                median(done.stream().filter(t -> t.bothIn() != null && t.finalised() != null)
                        .map(t -> Duration.between(t.bothIn(), t.finalised())).toList()));
    }

    /** Agreement rate in per cent of finished studies (0 when none). */
    public double agreementPercent() {
        return finished == 0 ? 0 : 100.0 * agreed / finished;
    }

    /** 要精検 rate in per cent of finished studies (0 when none). */
    public double furtherExamPercent() {
        return finished == 0 ? 0 : 100.0 * furtherExam / finished;
    }

    /** The figures as one CSV header line and one row (UTF-8, comma, durations in whole minutes). */
    public String csv(String programme) {
        return "programme,studies,finished,agreed,further_exam,agreement_percent,further_exam_percent,"
                + "reading_median_minutes,comparison_median_minutes\r\n"
                + quote(programme) + "," + studies + "," + finished + "," + agreed + "," + furtherExam + ","
                + String.format(java.util.Locale.ROOT, "%.1f,%.1f", agreementPercent(), furtherExamPercent()) + ","
                + minutes(readingMedian) + "," + minutes(comparisonMedian) + "\r\n";
    }

    private static String minutes(Duration duration) {
        return duration == null ? "" : Long.toString(duration.toMinutes());
    }

    /** A quoted field; one a spreadsheet would take for a formula starts with ' ({@link CsvWriter#quoted}). */
    private static String quote(String text) {
        return CsvWriter.quoted(text);
    }

    private static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
