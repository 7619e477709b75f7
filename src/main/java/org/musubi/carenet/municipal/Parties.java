package org.musubi.carenet.municipal;

import java.util.Optional;
import java.util.Set;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/** Who takes part, from the registry: a user who may act here, their facility, names for lists and forms. */
public final class Parties {

    private final Users users;
    private final Facilities facilities;

    public Parties(Users users, Facilities facilities) {
        this.users = users;
        this.facilities = facilities;
    }

    /** An active staff user of an active facility, with one of {@code professions}. */
    public Optional<User> staff(long userId, Set<Profession> professions) {
        return users.find(userId).filter(User::active).filter(u -> !u.resident())
                .filter(u -> professions.contains(u.profession()))
                .filter(u -> u.actingFacilityId().flatMap(facilities::find).filter(Facility::active).isPresent());
    }

    /** Whether the user acts for a facility of one of {@code kinds}. */
    public boolean actsForKind(long userId, Set<FacilityKind> kinds) {
        return users.find(userId).flatMap(User::actingFacilityId).flatMap(facilities::find)
                .filter(f -> kinds.contains(f.kind())).isPresent();
    }

    /** A user's name (or {@code #id} when the registry has none). */
    public String name(long userId) {
        return users.find(userId).map(User::nameKanji).orElse("#" + userId);
    }

    /** A facility's name (or {@code #id}). */
    public String facilityName(long facilityId) {
        return facilities.find(facilityId).map(Facility::nameKanji).orElse("#" + facilityId);
    }

    /** The user's profession, when there is such a user. */
    public Optional<Profession> profession(long userId) {
        return users.find(userId).filter(User::active).map(User::profession);
    }
}
