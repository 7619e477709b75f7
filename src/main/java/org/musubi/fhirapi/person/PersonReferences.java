package org.musubi.fhirapi.person;

import java.util.Optional;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.PersonAccess;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/<regional person id>} in what a facility writes: the writer's own patient linked to that person, only
 * when the facility has standing for the person (a live link made with the card). A facility whose patient was only
 * matched to the person (名寄せ) has never been told the person's id, and a reference by it must not tell whether its
 * patient is theirs: it is refused like an id nobody has.
 */
@Component
public class PersonReferences {

    private final IdentityStore identities;
    private final PersonAccess access;

    PersonReferences(IdentityStore identities, PersonAccess access) {
        this.identities = identities;
        this.access = access;
    }

    /** The writer's source patient linked to the person, when the writer has standing for them. */
    public Optional<Long> writersPatient(long writerFacility, long personId) {
        if (!access.standing(writerFacility, personId)) {
            return Optional.empty();
        }
        return identities.sourcePatientsOf(personId).stream().filter(s -> s.facilityId() == writerFacility)
                .map(SourcePatient::id).findFirst();
    }
}
