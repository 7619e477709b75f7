package org.musubi.carenet;

import java.util.List;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.record.IdKeys;

/**
 * The source patient a care-team member's entry is stored under: their facility's own source patient of the person
 * when it has one among the sources the access decision read; otherwise one made and linked now through identity's
 * link use case ({@link LinkMethod#CARE_TEAM}, one {@code IDENTITY_LINK} audit row, once per facility and person). Its
 * local id is the HMAC of facility and person under the installation's id key: unguessable, and the same for two first
 * entries at once. Such a link gives the facility no standing (standing is a card-made facility link, {@code
 * policy.AccessPolicy.standing}); what the facility wrote is its own data, nothing more.
 */
final class TeamSources {

    private final LinkSourcePatient link;
    private final IdKeys keys;

    TeamSources(LinkSourcePatient link, IdKeys keys) {
        this.link = link;
        this.keys = keys;
    }

    SourcePatient of(long userId, long facilityId, RegisteredPerson person, List<SourcePatient> sources) {
        return link.ownOrLinked(userId, facilityId, person, sources,
                () -> keys.current().keyedUuid("musubi-care-team-source\u001f" + facilityId + "\u001f" + person.id()),
                LinkMethod.CARE_TEAM, "a care-team member's first entry in the team's workspace");
    }
}
