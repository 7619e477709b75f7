package org.musubi.phr.vitals.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.phr.vitals.Vital;
import org.musubi.phr.vitals.VitalRange;
import org.musubi.phr.vitals.VitalReading;
import org.musubi.phr.vitals.VitalsEntry;

/**
 * The values of a chart, oldest first, each marked when it follows a gap: more than the range's gap since the previous
 * value of the same measure, where the chart's line breaks. The table under the chart is the chart's data.
 *
 * <p>Over a year or everything, a measure with more than {@value #MOST_SHOWN} values is shown as one point per week
 * (a year) or per month (everything): the mean, with the lowest and highest value and how many there were, at the
 * period's first day; the table says so ({@link #period()}). A phone cannot show ten years of daily values one by one,
 * and neither chart nor table would be readable.
 *
 * @param reading the value (for a period: its mean, at the period's first day; the source when all values share one,
 *                else {@link #MIXED_SOURCES})
 * @param period  null for a single value, else {@code week} or {@code month}
 */
record ChartPoints(VitalReading reading, boolean afterGap, String period, BigDecimal low, BigDecimal high, int count) {

    /** More values than this of one measure over a year or everything are shown per week or month. */
    static final int MOST_SHOWN = 200;
    /** The source of a period whose values came from more than one source. */
    static final long MIXED_SOURCES = -1;

    static List<ChartPoints> of(List<VitalReading> readings, Duration gap) {
        return of(readings, gap, null);
    }

    /** The points of {@code readings} (oldest first) over {@code range}; {@code null}: every value as it is. */
    static List<ChartPoints> of(List<VitalReading> readings, Duration gap, VitalRange range) {
        Map<Vital, Integer> perVital = new EnumMap<>(Vital.class);
        readings.forEach(r -> perVital.merge(r.vital(), 1, Integer::sum));
        String period = range == VitalRange.YEAR ? "week" : range == VitalRange.ALL ? "month" : null;
        List<ChartPoints> points = new ArrayList<>();
        if (period == null || perVital.values().stream().allMatch(n -> n <= MOST_SHOWN)) {
            readings.forEach(r -> points.add(new ChartPoints(r, false, null, null, null, 1)));
            return gaps(points, gap);
        }
        Map<String, List<VitalReading>> buckets = new LinkedHashMap<>();
        for (VitalReading reading : readings) {
            buckets.computeIfAbsent(reading.vital().key() + "@" + first(reading, period), k -> new ArrayList<>())
                    .add(reading);
        }
        for (List<VitalReading> bucket : buckets.values()) {
            VitalReading firstValue = bucket.getFirst();
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal low = firstValue.value();
            BigDecimal high = firstValue.value();
            long source = firstValue.sourceFacilityId();
            for (VitalReading r : bucket) {
                sum = sum.add(r.value());
                low = low.min(r.value());
                high = high.max(r.value());
                source = r.sourceFacilityId() == source ? source : MIXED_SOURCES;
            }
            BigDecimal mean = sum.divide(BigDecimal.valueOf(bucket.size()), firstValue.vital().scale().decimals() + 1,
                    RoundingMode.HALF_UP).stripTrailingZeros();
            if (mean.scale() < 0) {
                mean = mean.setScale(0);
            }
            VitalReading shown = new VitalReading(firstValue.vital(),
                    first(firstValue, period).atStartOfDay(VitalsEntry.JAPAN).toInstant(), mean, source, null);
            points.add(new ChartPoints(shown, false, period, low, high, bucket.size()));
        }
        points.sort(Comparator.comparing((ChartPoints p) -> p.reading().at()).thenComparing(p -> p.reading().vital()));
        return gaps(points, gap);
    }

    /** The first day of the week (Monday) or month of a value, in Japan. */
    private static LocalDate first(VitalReading reading, String period) {
        LocalDate day = reading.at().atZone(VitalsEntry.JAPAN).toLocalDate();
        return period.equals("week") ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The points (oldest first), each marked when more than {@code gap} follows the previous one of its measure. */
    private static List<ChartPoints> gaps(List<ChartPoints> points, Duration gap) {
        Map<Vital, Instant> previous = new EnumMap<>(Vital.class);
        List<ChartPoints> marked = new ArrayList<>(points.size());
        for (ChartPoints p : points) {
            Instant before = previous.put(p.reading().vital(), p.reading().at());
            boolean afterGap = before != null && Duration.between(before, p.reading().at()).compareTo(gap) > 0;
            marked.add(new ChartPoints(p.reading(), afterGap, p.period(), p.low(), p.high(), p.count()));
        }
        return marked;
    }
}
