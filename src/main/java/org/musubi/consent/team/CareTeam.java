package org.musubi.consent.team;

import java.time.Instant;
import java.util.UUID;

/** A person's care team (在宅医療・介護のチーム): made by a facility with standing, named by it. */
public record CareTeam(UUID id, long personId, long facilityId, String name, long createdBy, Instant createdAt) {
}
