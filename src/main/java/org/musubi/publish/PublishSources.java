package org.musubi.publish;

import java.util.List;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
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
        return link.ownOrLinked(userId, facilityId, person, sources,
                () -> keys.current().keyedUuid("musubi-published-source\u001f" + facilityId + "\u001f" + person.id()),
                LinkMethod.CARD, "a linked facility's first record published by hand");
    }
}
