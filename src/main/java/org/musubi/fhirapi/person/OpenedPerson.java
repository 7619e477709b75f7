package org.musubi.fhirapi.person;

import java.util.List;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.PersonView;

/**
 * A person as one caller may see them: the audited view, the source patients whose identifiers the
 * caller may see, and, when the view rests on the caller's own data only, the caller's own patient.
 */
public record OpenedPerson(RegisteredPerson person, PersonView view, List<SourcePatient> visible, SourcePatient ownOnly) {

    public boolean permitted() {
        return view.permitted();
    }

    public boolean seesFacility(long facilityId) {
        return visible.stream().anyMatch(s -> s.facilityId() == facilityId);
    }
}
