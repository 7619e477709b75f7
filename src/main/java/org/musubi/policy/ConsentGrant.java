package org.musubi.policy;

import java.util.Objects;
import java.util.Set;
import org.musubi.audit.Purpose;

/**
 * One consent of a person, as the policy sees it.
 *
 * @param scope whose data it covers: every participating facility's, or one facility's (a
 *     disclosure card, 開示カード, issued by that hospital)
 * @param scopeFacilityId the issuing facility for {@link Scope#ONE_FACILITY}; {@code null} for
 *     {@link Scope#ALL_FACILITIES}
 * @param purposes the purposes consented to
 * @param active {@code false} once withdrawn
 */
public record ConsentGrant(long consentId, Scope scope, Long scopeFacilityId, Set<Purpose> purposes, boolean active) {

    public enum Scope {
        ALL_FACILITIES,
        ONE_FACILITY
    }

    public ConsentGrant {
        Objects.requireNonNull(scope, "scope");
        purposes = Set.copyOf(purposes);
        if ((scope == Scope.ONE_FACILITY) != (scopeFacilityId != null)) {
            throw new IllegalArgumentException(
                    "consent " + consentId + ": a facility is required for ONE_FACILITY scope and only for it");
        }
    }

    /** Whether this consent is active and given for the purpose, whatever data it covers. */
    public boolean grants(Purpose purpose) {
        return active && purposes.contains(purpose);
    }

    /** Whether this consent is active, given for the purpose and covers data from the source facility. */
    public boolean covers(long sourceFacilityId, Purpose purpose) {
        return grants(purpose) && (scope == Scope.ALL_FACILITIES || scopeFacilityId == sourceFacilityId);
    }
}
