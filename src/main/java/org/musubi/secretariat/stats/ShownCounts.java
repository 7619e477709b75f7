package org.musubi.secretariat.stats;

import java.util.List;
import java.util.Locale;
import org.musubi.smallcounts.SmallCounts;

/**
 * How the per-municipality figures read under the one small-count rule ({@link SmallCounts}: so that nobody is singled
 * out in a small town), in the page, the CSV and the PDF alike: a small count reads as "1–9" (at the default
 * threshold), never as its number; a share computed from a small count reads "—", and so does a share whose population
 * is unknown. The total over municipalities is shown unless the rule hides it (exactly one cell small, which the total
 * less the shown cells would give away: "—"; or small itself: "1–9").
 */
public final class ShownCounts {

    /** What a suppressed or unknown share reads as. */
    public static final String SUPPRESSED_SHARE = "—";

    private ShownCounts() {
    }

    /** A count as it may be shown. */
    public static String count(SmallCounts rule, long count) {
        return rule.small(count) ? "1–" + (rule.suppressBelow() - 1) : String.valueOf(count);
    }

    /**
     * A share in per cent with two decimals ("5.25"), or {@link #SUPPRESSED_SHARE} when the count is small or the
     * population is unknown (zero or less).
     */
    public static String share(SmallCounts rule, long count, long population) {
        if (rule.small(count) || population <= 0) {
            return SUPPRESSED_SHARE;
        }
        return String.format(Locale.ROOT, "%.2f", percent(count, population));
    }

    /** The total of the cells as it may be shown. */
    public static String total(SmallCounts rule, List<Long> cells) {
        long total = cells.stream().mapToLong(Long::longValue).sum();
        if (!rule.totalHidden(cells)) {
            return String.valueOf(total);
        }
        return rule.small(total) ? count(rule, total) : SUPPRESSED_SHARE;
    }

    /** The share in per cent, unsuppressed (for the chart's scale only when the count is shown). */
    public static double percent(long count, long whole) {
        return whole <= 0 ? 0 : 100.0 * count / whole;
    }
}
