package org.musubi.registry.profile;

import java.util.List;

/**
 * The facilities' profiles. Every read answers for every facility of the registry: one without a stored profile gets
 * {@link FacilityProfile#defaults} with the day its registry row was made (Japan time).
 */
public interface FacilityProfiles {

    /** The profile of this facility; {@link FacilityProfile#defaults} when none is stored; empty for no facility. */
    java.util.Optional<FacilityProfile> of(long facilityId);

    /** Every facility's profile, in facility id order. */
    List<FacilityProfile> all();

    /** Stores the profile (made or replaced); false when there is no such facility. */
    boolean save(FacilityProfile profile);
}
