package org.musubi.phr.vitals.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.phr.vitals.VitalReading;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Component;

/**
 * What the notebook's pages need to know about the signed-in resident and the sources of what they see: their
 * person (always their own: no request names one), the notebook's own facility, and the names of the facilities
 * whose values a page shows.
 */
@Component
class Residency {

    private final Users users;
    private final Facilities facilities;
    private final PhrSources sources;

    Residency(Users users, Facilities facilities, PhrSources sources) {
        this.users = users;
        this.facilities = facilities;
        this.sources = sources;
    }

    long personOf(SignedIn me) {
        return users.find(me.userId()).map(User::personId).orElseThrow();
    }

    long ownFacilityId() {
        return sources.facility().id();
    }

    /** The kanji name of each facility the readings come from, by id. */
    Map<Long, String> sourceNames(Collection<VitalReading> readings) {
        Map<Long, String> names = new HashMap<>();
        readings.forEach(r -> names.computeIfAbsent(r.sourceFacilityId(),
                id -> facilities.find(id).map(Facility::nameKanji).orElse("")));
        return names;
    }
}
