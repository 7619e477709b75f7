package org.musubi.smallcounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The small-count rule's one setting, for every page that shows counts of people.
 *
 * @param suppressBelow counts from 1 to one less are never shown as their number (the secretariat's statistics, a
 *                      research cohort's count, the surveillance for others than the public-health office); at least 2
 */
@ConfigurationProperties("musubi.small-counts")
public record SmallCountProperties(@DefaultValue("10") int suppressBelow) {

    public SmallCountProperties {
        if (suppressBelow < 2) {
            throw new IllegalArgumentException("musubi.small-counts.suppress-below must be at least 2: " + suppressBelow);
        }
    }
}
