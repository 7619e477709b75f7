/**
 * The small-count rule on the ground floor (issue 68): {@link org.musubi.smallcounts.SmallCounts}, one threshold
 * ({@code musubi.small-counts.suppress-below}) for the secretariat's statistics, research cohort counts and the
 * surveillance. It depends on no feature module.
 */
package org.musubi.smallcounts;
