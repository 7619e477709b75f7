package org.musubi.archfixtures.recorddoor;

import java.util.List;
import org.musubi.policy.DataCategory;
import org.musubi.record.ResourceWrite;
import org.musubi.record.SearchIndex;

/** A feature that encodes, categorises and indexes a resource itself instead of asking {@code ResourceEncoder}. */
final class BuildsItsOwnWrite {

    ResourceWrite write() {
        return new ResourceWrite(1, "Observation", "id", null, 1, DataCategory.VITALS, "{}",
                new SearchIndex(List.of(), List.of()));
    }
}
