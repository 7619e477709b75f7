package org.musubi.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alert threshold of one day: the historical-limits method (Stroup DF, Williamson GD, Herndon JL, Karon JM.
 * Detection of aberrations in the occurrence of notifiable diseases surveillance data. Stat Med 1989;8:323-329) on
 * daily counts, with the same weekday of the 8 weeks before the day as its history, because daily counts follow the
 * week (clinics close on Sundays): threshold = max(mean + k·SD, minimum count), SD the sample standard deviation of
 * those 8 counts (a missing day counts 0). A day's count above the threshold raises an alert.
 */
public final class Baseline {

    /** Weeks of history. */
    public static final int WEEKS = 8;

    private Baseline() {
    }

    /** One day's verdict: its count, the history's mean and SD, the threshold, and whether the count is above it. */
    public record Day(LocalDate day, long count, double mean, double sd, double threshold, boolean alert) {
    }

    /** The verdict of {@code day} from the counts per day ({@code counts}, absent days 0). */
    public static Day of(LocalDate day, Map<LocalDate, Long> counts, double k, int minCount) {
        List<Long> history = new ArrayList<>();
        for (int w = 1; w <= WEEKS; w++) {
            history.add(counts.getOrDefault(day.minusWeeks(w), 0L));
        }
        double mean = history.stream().mapToLong(Long::longValue).average().orElse(0);
        double squares = history.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (WEEKS - 1));
        double threshold = Math.max(mean + k * sd, minCount);
        long count = counts.getOrDefault(day, 0L);
        return new Day(day, count, mean, sd, threshold, count > threshold);
    }

    /** The first day whose history this needs: {@code from} less 8 weeks. */
    public static LocalDate historyFrom(LocalDate from) {
        return from.minusWeeks(WEEKS);
    }
}
