package org.musubi.policy.linked;

import java.util.List;
import java.util.function.LongFunction;
import org.musubi.paging.PageRequest;
import org.musubi.policy.PersonView;

/**
 * "My linked patients": the persons the user's facility has an open link to, newest link first,
 * optionally narrowed by a kana name, regional ID or chart number. Decided by
 * {@link org.musubi.policy.AccessPolicy#decideLinkList} and audited with exactly one row per call, naming the persons shown.
 */
public interface ListLinkedPatients {

    default LinkedPatients list(long userId, String text, PageRequest page) {
        return list(userId, text, page, Glance.NONE);
    }

    /** The list, and {@code glance} at the patients shown before their audit rows are written (when it permits). */
    LinkedPatients list(long userId, String text, PageRequest page, Glance glance);

    /**
     * A look at the linked patients a list shows, inside the list's one audit row per patient (issue 39: what changed since
     * the user last opened each). {@code views} opens a shown patient's view as the policy decides it now, for treatment,
     * unaudited and without touching the facility's link (a home page seen does not keep an idle link alive): what the
     * page shows of what the glance reads through it must stay a glance — counts, dates, categories, alerts — never a
     * record's content, which is read only by opening the patient (audited as a read).
     */
    @FunctionalInterface
    interface Glance {

        Glance NONE = (shown, views) -> { };

        void at(List<LinkedPatient> shown, LongFunction<PersonView> views);
    }
}
