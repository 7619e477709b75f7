package org.musubi.policy;

import java.util.List;
import java.util.function.LongFunction;

/**
 * A look at the linked patients a list shows, inside the list's one audit row per patient (issue 39: what changed since
 * the user last opened each). {@code views} opens a shown patient's view as the policy decides it now, for treatment,
 * unaudited and without touching the facility's link (a home page seen does not keep an idle link alive): what the
 * page shows of what the glance reads through it must stay a glance — counts, dates, categories, alerts — never a
 * record's content, which is read only by opening the patient (audited as a read).
 */
@FunctionalInterface
public interface Glance {

    Glance NONE = (shown, views) -> { };

    void at(List<LinkedPatient> shown, LongFunction<PersonView> views);
}
