package org.musubi.publish;

import java.util.List;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.record.IdKeys;

/**
 * The source patient what a facility publishes by hand (or a care office records) is stored under: the facility's
 * own source patient of the person when it has one among the sources the access decision read (one its system sent,
 * or the chart number recorded at linking); otherwise one made and linked now ({@link LinkMethod#CARD}: the facility
 * has standing, a link made with the person's card; one {@code IDENTITY_LINK} audit row, once per facility and
 * person). Its local id is the HMAC of facility and person under the installation's id key: unguessable, and the same
 * for two first entries at once.
 */
final class PublishSources {

    private final IdentityStore identities;
    private final LinkSourcePatient link;
    private final IdKeys keys;

    PublishSources(IdentityStore identities, LinkSourcePatient link, IdKeys keys) {
        this.identities = identities;
        this.link = link;
        this.keys = keys;
    }

    IdentityStore identities() {
        return identities;
    }

    SourcePatient of(long userId, long facilityId, RegisteredPerson person, List<SourcePatient> sources) {
        return sources.stream().filter(s -> s.facilityId() == facilityId).findFirst()
                .orElseGet(() -> made(userId, facilityId, person));
    }

    private SourcePatient made(long userId, long facility, RegisteredPerson person) {
        String localId = keys.current().keyedUuid("musubi-published-source\u001f" + facility + "\u001f" + person.id());
        Person p = person.person();
        long owner = link.receiveAndLink(userId, new SourcePatient(0, facility, localId, p.familyKanji(), p.givenKanji(),
                p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), null, null, null), person.id(),
                LinkMethod.CARD, "a linked facility's first record published by hand");
        if (owner != person.id()) {
            throw new IdentityConflict("identity.sourcePatient.alreadyLinked");
        }
        return identities.sourcePatient(facility, localId).orElseThrow();
    }
}
