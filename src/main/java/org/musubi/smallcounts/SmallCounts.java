package org.musubi.smallcounts;

import java.util.List;

/**
 * The one small-count rule (issue 68) of every page that shows counts of people — the secretariat's statistics, a
 * research cohort's count, the surveillance's figures for others than the public-health office — so that nobody is
 * singled out in a small town or a small cohort:
 * <ol>
 *   <li>a count from 1 to {@link #suppressBelow()} − 1 is <b>small</b> and never shown as its number (0 names no one
 *       and is shown);</li>
 *   <li>a line of counts shown with its total never has exactly one hidden entry, which the total less the others would
 *       give away: a table with margins hides complements as well ({@link #mask}, complementary suppression), a single
 *       list hides its total ({@link #totalHidden}).</li>
 * </ol>
 * How a hidden count reads ("1–9", "&lt; 10", "X", "—") is each page's.
 *
 * @param suppressBelow the threshold, {@code musubi.small-counts.suppress-below}: at least 2
 */
public record SmallCounts(int suppressBelow) {

    /** The threshold every page used before it was one setting, and the setting's default. */
    public static final int DEFAULT = 10;

    public SmallCounts {
        if (suppressBelow < 2) {
            throw new IllegalArgumentException("musubi.small-counts.suppress-below must be at least 2: " + suppressBelow);
        }
    }

    /** Whether a count is small: above 0 and below the threshold. */
    public boolean small(long count) {
        return Suppression.small(count, suppressBelow);
    }

    /** Whether the total of a list of counts shown with it is hidden: when it is small, or exactly one count is. */
    public boolean totalHidden(List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        return small(total) || counts.stream().filter(this::small).count() == 1;
    }

    /** Which entries of a table ({@code rows × cols}, each row the same length) and its margins are hidden. */
    public Masked mask(long[][] cells) {
        return Suppression.apply(cells, suppressBelow);
    }

    /** For every entry of a table with its margins, whether it is hidden. */
    public record Masked(boolean[][] hidden, boolean[] rowTotalHidden, boolean[] colTotalHidden, boolean grandHidden) {

        public int hiddenCount() {
            int n = grandHidden ? 1 : 0;
            for (boolean[] row : hidden) {
                for (boolean h : row) {
                    n += h ? 1 : 0;
                }
            }
            for (boolean h : rowTotalHidden) {
                n += h ? 1 : 0;
            }
            for (boolean h : colTotalHidden) {
                n += h ? 1 : 0;
            }
            return n;
        }
    }
}
