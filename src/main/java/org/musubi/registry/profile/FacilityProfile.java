package org.musubi.registry.profile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the secretariat knows of a facility beyond its registry row. {@code municipality}: its name as an address writes
 * it after the prefecture (呉市, 広島市中区, 安芸郡府中町), empty when not set; {@code beds}: empty when not told
 * (clinics without beds: 0); {@code listed}: shown on the public site; {@code leftOn}: the last day it took part.
 */
public record FacilityProfile(long facilityId, Optional<String> municipality, Optional<Integer> beds,
                              Set<AcceptedCard> acceptedCards, boolean listed, LocalDate joinedOn,
                              Optional<LocalDate> leftOn) {

    public static final int MAX_BEDS = 10_000;

    public FacilityProfile {
        municipality = Objects.requireNonNullElse(municipality, Optional.<String>empty()).map(String::strip)
                .filter(m -> !m.isEmpty());
        municipality.ifPresent(m -> {
            if (m.length() > 100) {
                throw new IllegalArgumentException("a municipality's name is at most 100 characters");
            }
        });
        beds = Objects.requireNonNullElse(beds, Optional.empty());
        beds.ifPresent(b -> {
            if (b < 0 || b > MAX_BEDS) {
                throw new IllegalArgumentException("beds are 0 to " + MAX_BEDS);
            }
        });
        acceptedCards = acceptedCards == null || acceptedCards.isEmpty() ? Set.of() : Set.copyOf(acceptedCards);
        Objects.requireNonNull(joinedOn, "joinedOn");
        leftOn = Objects.requireNonNullElse(leftOn, Optional.empty());
        leftOn.ifPresent(l -> {
            if (l.isBefore(joinedOn)) {
                throw new IllegalArgumentException("a facility leaves on or after the day it joined");
            }
        });
    }

    /** The profile a facility has before anyone set one: joined the day it was registered, listed, regional card. */
    public static FacilityProfile defaults(long facilityId, LocalDate registeredOn) {
        return new FacilityProfile(facilityId, Optional.empty(), Optional.empty(), Set.of(AcceptedCard.REGIONAL), true,
                registeredOn, Optional.empty());
    }

    /** Whether the facility took part on this day. */
    public boolean partOn(LocalDate day) {
        return !day.isBefore(joinedOn) && leftOn.map(l -> !day.isAfter(l)).orElse(true);
    }
}
