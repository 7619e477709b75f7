package org.musubi.consent;

import java.time.Instant;
import java.util.Set;
import org.musubi.audit.Purpose;

/**
 * A person's consent to sharing: its scope, the purposes it allows (treatment; emergency access to a
 * minimum dataset; research, opt-in and separate), who captured it where, and whether it still holds.
 */
public record Consent(long id, long personId, ConsentScope scope, Long scopeFacilityId, Set<Purpose> purposes,
                      boolean active, Instant capturedAt, Long capturedByUser, Long capturedByFacility,
                      Instant withdrawnAt) {

    public Consent {
        purposes = Set.copyOf(purposes);
    }

    /** Whether it allows {@code purpose} on data that came from {@code sourceFacilityId}. */
    public boolean covers(long sourceFacilityId, Purpose purpose) {
        return active && purposes.contains(purpose)
                && (scope == ConsentScope.ALL_FACILITIES || scopeFacilityId == sourceFacilityId);
    }
}
