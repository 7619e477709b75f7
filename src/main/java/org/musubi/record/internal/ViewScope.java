package org.musubi.record.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.PersonView;

/**
 * What a read under a view may reach in the store: the person's source patients ({@code keys}) and the (facility,
 * category) pairs of those sources that the view may show ({@code allowed}).
 */
public record ViewScope(Set<Long> keys, Set<DataItem> allowed) {

    /** The scope of {@code view}, over its sources. */
    public static ViewScope of(PersonView view) {
        Set<Long> keys = view.sources().stream().map(SourcePatient::id).collect(Collectors.toSet());
        Set<DataItem> allowed = new HashSet<>();
        for (long facility : view.sources().stream().map(SourcePatient::facilityId).collect(Collectors.toSet())) {
            for (DataCategory category : DataCategory.values()) {
                DataItem item = new DataItem(facility, category);
                if (view.sees(item)) {
                    allowed.add(item);
                }
            }
        }
        return new ViewScope(keys, allowed);
    }
}
