package org.musubi.phr.vitals;

import java.util.List;
import java.util.Optional;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.record.IdKeys;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/**
 * Each resident's source patient at the health notebook's own facility (FacilityKind.PERSONAL_HEALTH_RECORD): made and
 * linked to their person the first time they record something, through identity's link use case ({@link
 * LinkMethod#SELF_REGISTRATION}: the person proved themself at registration; audited there). Its local id is the HMAC
 * of the person's id under the installation's id key: unguessable, and the same for two first entries at once, so
 * that they meet in one source patient.
 */
public final class PhrSources {

    private final Facilities facilities;
    private final IdentityStore identities;
    private final LinkSourcePatient link;
    private final IdKeys keys;

    public PhrSources(Facilities facilities, IdentityStore identities, LinkSourcePatient link, IdKeys keys) {
        this.facilities = facilities;
        this.identities = identities;
        this.link = link;
        this.keys = keys;
    }

    /** The notebook's facility (made by migration V31). */
    public Facility facility() {
        return facilities.personalHealthRecord().orElseThrow(() ->
                new IllegalStateException("the health notebook's facility is missing (migration V31)"));
    }

    /**
     * The resident's own source patient, among {@code sources} (the person's, as the access decision read them) or
     * made and linked now by {@code userId}, the resident.
     */
    public PhrPatient of(long userId, RegisteredPerson person, List<SourcePatient> sources) {
        return of(userId, person, sources, "the resident's own entries in the health notebook");
    }

    /** {@link #of(long, RegisteredPerson, List)}, the link (when made now) audited with {@code reason}. */
    public PhrPatient of(long userId, RegisteredPerson person, List<SourcePatient> sources, String reason) {
        long facility = facility().id();
        SourcePatient own = sources.stream().filter(s -> s.facilityId() == facility).findFirst()
                .orElseGet(() -> made(userId, facility, person, reason));
        return new PhrPatient(facility, own.id(), own.localId(), person, keys.current());
    }

    /**
     * The person's own source patient at the notebook when they (or someone on their behalf) have recorded anything;
     * nothing is made. Its {@code person} is null: for the ids of what is stored there ({@link PhrPatient#id}).
     */
    public Optional<PhrPatient> existing(long personId) {
        long facility = facility().id();
        return identities.sourcePatientsOf(personId).stream().filter(s -> s.facilityId() == facility).findFirst()
                .map(s -> new PhrPatient(facility, s.id(), s.localId(), null, keys.current()));
    }

    private SourcePatient made(long userId, long facility, RegisteredPerson person, String reason) {
        String localId = keys.current().keyedUuid("musubi-phr-source\u001f" + person.id());
        Person p = person.person();
        long owner = link.receiveAndLink(userId, new SourcePatient(0, facility, localId, p.familyKanji(), p.givenKanji(),
                p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), null, null, null), person.id(),
                LinkMethod.SELF_REGISTRATION, reason);
        if (owner != person.id()) {
            throw new IdentityConflict("identity.sourcePatient.alreadyLinked");
        }
        return identities.sourcePatient(facility, localId).orElseThrow();
    }
}
