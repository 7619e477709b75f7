package org.musubi.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;

/**
 * The outcome of opening a person: the person-level decision and, when it permits, the decision for
 * each item of the person's record (judged at the same instant, by the same facts). A denied view
 * denies every item with its own reason.
 *
 * <p>A permitting view also carries the facts it was decided on that the rest of the request needs: the person
 * (with the regional ID the audit row names) and the person's source patients (whose records a read goes through),
 * so that the record read, the page and the audit do not read identity again (issue 23). A denied view carries
 * neither: nothing about the person leaves a refusal.
 */
public record PersonView(Decision decision, Function<DataItem, Decision> items, RegisteredPerson person,
                         List<SourcePatient> sources) {

    public PersonView {
        Objects.requireNonNull(decision, "decision");
        items = decision.permitted() ? Objects.requireNonNull(items, "items") : item -> decision;
        person = decision.permitted() ? person : null;
        sources = decision.permitted() && sources != null ? List.copyOf(sources) : List.of();
    }

    /** A view without the person's facts (data about no person, or a refusal). */
    public PersonView(Decision decision, Function<DataItem, Decision> items) {
        this(decision, items, null, List.of());
    }

    /** The person as the decision saw them, when it permitted and a person was opened. */
    public Optional<RegisteredPerson> opened() {
        return Optional.ofNullable(person);
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

    /**
     * Whether the reader may enter {@code item} into the person's record on the patient's behalf (the emergency sheet
     * of the health notebook): the patient themself or their live proxy, or a user who sees that item through a
     * consented link (treatment; not break-the-glass, not their facility's own data alone). The view's permit when
     * so; otherwise the item's refusal, or {@link Deny#NO_ENTRY_ON_BEHALF}.
     */
    public Decision entryOnBehalf(DataItem item) {
        Decision seen = decide(item);
        if (!seen.permitted()) {
            return seen;
        }
        String key = decision.key();
        return key.equals(Permit.PATIENT_SELF_ACCESS) || key.equals(Permit.PROXY_ACCESS)
                || key.equals(Permit.TREATMENT_CONSENT_AND_LINK) ? decision : new Deny(Deny.NO_ENTRY_ON_BEHALF);
    }
}
