package org.musubi.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>A view of the requester's own patient only ({@link Permit#OWN_PATIENT}: asked through the facility's own patient,
 * without {@linkplain #standing() standing}) carries no person at all: {@link #opened()} is empty, and its one source
 * is that patient ({@link #ownPatient()}), whose demographics and identifiers are all it may show. An automatic match
 * tells the facility nothing.
 *
 * @param standing whether the requester's facility has standing for the person ({@link AccessPolicy#standing}: a live
 *     link made with the person's card); false for a refusal
 */
public record PersonView(Decision decision, Function<DataItem, Decision> items, RegisteredPerson person,
                         List<SourcePatient> sources, boolean standing) {

    /** A facility id no facility has: what a profession may see does not depend on whose data it is. */
    private static final long NO_FACILITY = -1;

    public PersonView {
        Objects.requireNonNull(decision, "decision");
        items = decision.permitted() ? Objects.requireNonNull(items, "items") : item -> decision;
        person = decision.permitted() && !decision.key().equals(Permit.OWN_PATIENT) ? person : null;
        sources = decision.permitted() && sources != null ? List.copyOf(sources) : List.of();
        standing = decision.permitted() && standing;
        if (decision.key().equals(Permit.OWN_PATIENT) && sources.size() != 1) {
            throw new IllegalArgumentException("a view of the facility's own patient holds exactly that patient");
        }
    }

    /** A view of a person, with or without standing. */
    public PersonView(Decision decision, Function<DataItem, Decision> items, RegisteredPerson person,
                      List<SourcePatient> sources) {
        this(decision, items, person, sources, false);
    }

    /** A view without the person's facts (data about no person, or a refusal). */
    public PersonView(Decision decision, Function<DataItem, Decision> items) {
        this(decision, items, null, List.of());
    }

    /** The person as the decision saw them, when it permitted and a person was opened (never for the own patient only). */
    public Optional<RegisteredPerson> opened() {
        return Optional.ofNullable(person);
    }

    /**
     * The requester's own patient, when the view is of that patient only ({@link Permit#OWN_PATIENT}): what the
     * facility sent itself is all the view may show of who the patient is.
     */
    public Optional<SourcePatient> ownPatient() {
        return decision.key().equals(Permit.OWN_PATIENT) ? Optional.of(sources.getFirst()) : Optional.empty();
    }

    public boolean permitted() {
        return decision.permitted();
    }

    /**
     * Whether the view shows only what the requester's own facility sent ({@link Permit#OWN_FACILITY_DATA},
     * {@link Permit#OWN_SOURCE_DATA}, {@link Permit#OWN_PATIENT}): where it shows nothing of a kind, the facility's own
     * records hold none — which says nothing of what other facilities sent.
     */
    public boolean showsOwnDataOnly() {
        String key = decision.key();
        return decision.permitted() && (key.equals(Permit.OWN_FACILITY_DATA) || key.equals(Permit.OWN_SOURCE_DATA)
                || key.equals(Permit.OWN_PATIENT));
    }

    /**
     * The kinds of data this view never shows, whatever the record holds: those the profession's matrix or the
     * emergency minimum refuse (judged for data of no facility in particular, so the answer does not depend on whose
     * data it is). A screen says such a kind is hidden, never that there is none.
     */
    public Set<DataCategory> hiddenCategories() {
        Set<DataCategory> hidden = EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : DataCategory.values()) {
            String key = decide(new DataItem(NO_FACILITY, category)).key();
            if (key.equals(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION) || key.equals(Deny.NOT_IN_EMERGENCY_MINIMUM)) {
                hidden.add(category);
            }
        }
        return hidden;
    }

    public boolean sees(DataItem item) {
        return items.apply(item).permitted();
    }

    public Decision decide(DataItem item) {
        return items.apply(item);
    }

    /**
     * Whether the reader may act for the person as a holder of their record — issue a health-notebook registration
     * code, confirm an account recovery, or any later "may this facility act for this person?" — the view's permit
     * when a network operator manages the person ({@link Permit#OPERATIONS_DEMOGRAPHICS}) or the reader's facility has
     * {@linkplain #standing() standing}; otherwise {@link Deny#NO_STANDING} (a facility whose patient was only
     * matched to the person holds its own data, nothing more), or the view's own refusal.
     */
    public Decision actAsHolder() {
        if (!decision.permitted()) {
            return decision;
        }
        return standing || decision.key().equals(Permit.OPERATIONS_DEMOGRAPHICS) ? decision : new Deny(Deny.NO_STANDING);
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

    /**
     * Whether the reader may enter {@code item} (of category {@link DataCategory#CARE_RECORDS}, or {@link
     * DataCategory#VITALS} for vital signs, under the writer's facility) into the person's record as a member of one
     * of the person's care teams (a note, vital signs, an ADL check or a task of the team's workspace): the view's
     * permit when it is a live membership's ({@link Permit#CARE_TEAM_MEMBER}) or a consented link's ({@link
     * Permit#TREATMENT_CONSENT_AND_LINK}) and the item is seen; otherwise the item's refusal, or {@link
     * Deny#NO_ENTRY_ON_BEHALF}. That the caller is a live member of the team the entry is for is the care network's to
     * check before entering.
     */
    public Decision teamEntry(DataItem item) {
        if (item.category() != DataCategory.CARE_RECORDS && item.category() != DataCategory.VITALS) {
            throw new IllegalArgumentException("a team's entry is a care record or vital signs");
        }
        Decision seen = decide(item);
        if (!seen.permitted()) {
            return seen;
        }
        String key = decision.key();
        return key.equals(Permit.CARE_TEAM_MEMBER) || key.equals(Permit.TREATMENT_CONSENT_AND_LINK) ? decision
                : new Deny(Deny.NO_ENTRY_ON_BEHALF);
    }
}
