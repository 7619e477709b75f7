package org.musubi.policy;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * The outcome of opening a person: the audited decision and, when it permits, which items of the
 * person's record the requester may see (judged at the same instant, by the same facts). A denied
 * view sees no item.
 */
public record PersonView(Decision decision, Predicate<DataItem> items) {

    public PersonView {
        Objects.requireNonNull(decision, "decision");
        items = decision.permitted() ? Objects.requireNonNull(items, "items") : item -> false;
    }

    public boolean permitted() {
        return decision.permitted();
    }

    /** Whether the view was opened only because the requester's facility sent data of its own. */
    public boolean ownDataOnly() {
        return decision.key().equals(Permit.OWN_FACILITY_DATA);
    }

    public boolean sees(DataItem item) {
        return items.test(item);
    }
}
