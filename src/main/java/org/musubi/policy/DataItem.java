package org.musubi.policy;

import java.util.Objects;

/** One piece of a person's record as the policy sees it: where it came from and what it is. */
public record DataItem(long sourceFacilityId, DataCategory category) {

    public DataItem {
        Objects.requireNonNull(category, "category");
    }
}
