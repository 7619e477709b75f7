package org.musubi.fhirapi.person;

import java.util.List;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.Demographics;
import org.musubi.policy.PersonView;

/**
 * A person as one caller may see them: the audited view, the source patients whose identifiers the caller may see,
 * and, when the view rests on the caller's own data only, the caller's own patient. For a view of the caller's own
 * patient only (no standing: {@link PersonView#ownPatient()}) there is no person: {@code person} is null and
 * {@code id} is the id of the caller's own Patient resource (null when it sent none), so that nothing the answer
 * carries names the regional person.
 *
 * @param id the Patient id to answer with: the person's id, or the caller's own Patient's
 */
public record OpenedPerson(RegisteredPerson person, PersonView view, List<SourcePatient> visible, SourcePatient ownOnly,
                           String id) {

    public OpenedPerson(RegisteredPerson person, PersonView view, List<SourcePatient> visible, SourcePatient ownOnly) {
        this(person, view, visible, ownOnly, person == null ? null : String.valueOf(person.id()));
    }

    public boolean permitted() {
        return view.permitted();
    }

    public boolean seesFacility(long facilityId) {
        return visible.stream().anyMatch(s -> s.facilityId() == facilityId);
    }

    /** Whether the answer may name the regional person (false for the caller's own patient only). */
    public boolean personShown() {
        return person != null;
    }

    /** Whether the person (or the caller's own patient) is active, as far as the caller may be told. */
    public boolean active() {
        return person == null || person.active();
    }

    /**
     * The demographics the caller is shown: the caller's own patient's when that is all it sees of them, else the
     * network's record of the person.
     */
    public Demographics demographics() {
        if (ownOnly == null) {
            return Demographics.of(person.person());
        }
        return new Demographics(ownOnly.familyKanji(), ownOnly.givenKanji(), ownOnly.familyKana(), ownOnly.givenKana(),
                ownOnly.sex(), ownOnly.birthDate(), ownOnly.postalCode(), ownOnly.address(), ownOnly.phone());
    }
}
