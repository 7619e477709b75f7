package org.musubi.portal.admin.facilities;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.registry.FieldFault;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;

/**
 * A facility's profile as the operators' form binds it: text as typed, so a wrong value comes back to the form with
 * its fault instead of a 400. Unchecked checkboxes are absent: no cards, not listed.
 */
record ProfileForm(String municipality, String beds, List<AcceptedCard> cards, Boolean listed, String joinedOn,
                   String leftOn) {

    ProfileForm {
        municipality = municipality == null ? "" : municipality.strip();
        beds = beds == null ? "" : beds.strip();
        cards = cards == null ? List.of() : List.copyOf(cards);
        listed = Boolean.TRUE.equals(listed);
        joinedOn = joinedOn == null ? "" : joinedOn.strip();
        leftOn = leftOn == null ? "" : leftOn.strip();
    }

    static ProfileForm of(FacilityProfile p) {
        return new ProfileForm(p.municipality().orElse(""), p.beds().map(String::valueOf).orElse(""),
                p.acceptedCards().stream().sorted().toList(), p.listed(), p.joinedOn().toString(),
                p.leftOn().map(LocalDate::toString).orElse(""));
    }

    public boolean accepts(AcceptedCard card) {
        return cards.contains(card);
    }

    /** The faults of this form; none when {@link #profile} makes a profile. */
    List<FieldFault> faults() {
        List<FieldFault> faults = new ArrayList<>();
        if (municipality.length() > 100) {
            faults.add(FieldFault.of("municipality", "facility.profile.municipality.length"));
        }
        if (!beds.isEmpty() && (!beds.matches("\\d{1,5}") || Integer.parseInt(beds) > FacilityProfile.MAX_BEDS)) {
            faults.add(FieldFault.of("beds", "facility.profile.beds.range"));
        }
        Optional<LocalDate> joined = date(joinedOn);
        Optional<LocalDate> left = date(leftOn);
        if (joinedOn.isEmpty()) {
            faults.add(FieldFault.of("joinedOn", "facility.profile.joinedOn.required"));
        } else if (joined.isEmpty()) {
            faults.add(FieldFault.of("joinedOn", "facility.profile.date.format"));
        }
        if (!leftOn.isEmpty() && left.isEmpty()) {
            faults.add(FieldFault.of("leftOn", "facility.profile.date.format"));
        }
        if (joined.isPresent() && left.isPresent() && left.get().isBefore(joined.get())) {
            faults.add(FieldFault.of("leftOn", "facility.profile.leftOn.beforeJoined"));
        }
        return faults;
    }

    /** The profile of this facility; only for a form without {@link #faults}. */
    FacilityProfile profile(long facilityId) {
        Set<AcceptedCard> accepted = cards.isEmpty() ? Set.of() : EnumSet.copyOf(cards);
        return new FacilityProfile(facilityId, Optional.of(municipality),
                beds.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(beds)), accepted, listed,
                date(joinedOn).orElseThrow(), date(leftOn));
    }

    private static Optional<LocalDate> date(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
