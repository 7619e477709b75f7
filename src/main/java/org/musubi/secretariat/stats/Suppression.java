package org.musubi.secretariat.stats;

import java.util.Locale;

/**
 * The small-count rule of the per-municipality figures (so that nobody is singled out in a small town): a count of 1 to
 * {@value #BELOW} − 1 is shown as "1–9", never as its number, in the page, the CSV and the PDF alike; 0 and counts of
 * {@value #BELOW} or more are shown. A share computed from a suppressed count is suppressed too ("—"), and so is a
 * share whose population is unknown. The total over municipalities is shown unless exactly one cell is suppressed
 * (then the total less the shown cells would give that cell away): it is then suppressed as "—", and so is a total
 * below the threshold.
 */
public final class Suppression {

    /** Counts below this (and above zero) are suppressed. */
    public static final int BELOW = 10;
    /** What a suppressed count reads as. */
    public static final String SUPPRESSED_COUNT = "1–9";
    /** What a suppressed or unknown share reads as. */
    public static final String SUPPRESSED_SHARE = "—";

    private Suppression() {
    }

    /** Whether a count is suppressed. */
    public static boolean suppressed(long count) {
        return count > 0 && count < BELOW;
    }

    /** A count as it may be shown. */
    public static String count(long count) {
        return suppressed(count) ? SUPPRESSED_COUNT : String.valueOf(count);
    }

    /**
     * A share in per cent with two decimals ("5.25"), or {@link #SUPPRESSED_SHARE} when the count is suppressed or the
     * population is unknown (zero or less).
     */
    public static String share(long count, long population) {
        if (suppressed(count) || population <= 0) {
            return SUPPRESSED_SHARE;
        }
        return String.format(Locale.ROOT, "%.2f", percent(count, population));
    }

    /** The total of the cells as it may be shown: suppressed when exactly one cell is, or when it is small itself. */
    public static String total(java.util.List<Long> cells) {
        long total = cells.stream().mapToLong(Long::longValue).sum();
        long hidden = cells.stream().filter(Suppression::suppressed).count();
        if (hidden == 1) {
            return SUPPRESSED_SHARE;
        }
        return count(total);
    }

    /** The share in per cent, unsuppressed (for the chart's scale only when the count is shown). */
    public static double percent(long count, long whole) {
        return whole <= 0 ? 0 : 100.0 * count / whole;
    }
}
