package org.musubi.policy;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of opening a person: the person-level decision and, when it permits, the decision for
 * each item of the person's record (judged at the same instant, by the same facts). A denied view
 * denies every item with its own reason.
 */
public record PersonView(Decision decision, Function<DataItem, Decision> items) {

    public PersonView {
        Objects.requireNonNull(decision, "decision");
        items = decision.permitted() ? Objects.requireNonNull(items, "items") : item -> decision;
    }

    public boolean permitted() {
        return decision.permitted();
    }

    /** Whether the view was opened only because the requester's facility sent data of its own. */
    public boolean ownDataOnly() {
        return decision.key().equals(Permit.OWN_FACILITY_DATA);
    }

    public boolean sees(DataItem item) {
        return items.apply(item).permitted();
    }

    public Decision decide(DataItem item) {
        return items.apply(item);
    }
}
