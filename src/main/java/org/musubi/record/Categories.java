package org.musubi.record;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.musubi.policy.DataCategory;

/** The categories a resource holds besides its own, as kept with it: an unmodifiable set in the enum's order. */
final class Categories {

    private Categories() {
    }

    static Set<DataCategory> besides(DataCategory own, Set<DataCategory> held) {
        if (held == null || held.isEmpty() || held.size() == 1 && held.contains(own)) {
            return Set.of();
        }
        EnumSet<DataCategory> copy = EnumSet.copyOf(held);
        copy.remove(own);
        return Collections.unmodifiableSet(copy);
    }
}
