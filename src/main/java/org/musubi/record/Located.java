package org.musubi.record;

import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * Where a stored resource is, without its content: its source patient ({@code patientKey}, 0 for a resource about
 * no patient), the facility that sent it, every category it is or holds, and whether its newest version is deleted.
 */
public record Located(String type, String id, long patientKey, long sourceFacilityId, Set<DataCategory> categories,
                      boolean deleted) {

    public Located {
        categories = Set.copyOf(categories);
    }

    public static Located of(StoredResource resource) {
        return new Located(resource.type(), resource.id(), resource.patientKey(), resource.sourceFacilityId(),
                resource.categories(), resource.deleted());
    }
}
